package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotOutput is the error of OpenDir for a destination that fazhi did
// not make: a file, or a folder with files but no manifest. A build
// replaces its destination as a whole, so it would delete them.
var ErrNotOutput = errors.New("destination is not a fazhi output folder")

// checkOwned refuses dest when it exists and is not a folder that fazhi
// made: one that is empty or holds a manifest.
func checkOwned(dest string) error {
	st, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("输出位置「%s」已经存在，但不是文件夹：请换一个输出文件夹 (%w)", dest, ErrNotOutput)
	}
	if m, err := os.Lstat(filepath.Join(dest, ManifestName)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(dest)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err == io.EOF {
		return nil // empty
	}
	return fmt.Errorf("输出文件夹「%s」里已经有文件，但不是 fazhi 生成的（没有 %s）：构建会替换整个文件夹，这些文件会被删除。"+
		"请换一个空的或新的输出文件夹；如果确定里面的文件都不要了，先自己删除这个文件夹 (%w)", dest, ManifestName, ErrNotOutput)
}
