//go:build linux && !portable

package publish

import "syscall"

// stampOf returns the stamp of the regular file at full (not following a
// symbolic link).
func stampOf(full string) (Stamp, bool) {
	var st syscall.Stat_t
	if err := syscall.Lstat(full, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return Stamp{}, false
	}
	return Stamp{Dev: uint64(st.Dev), Ino: st.Ino, Size: st.Size, Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano()}, true
}
