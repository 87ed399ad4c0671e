//go:build !unix

package rawfs

// oNonblock is 0 where the file system has no named pipes (Windows).
const oNonblock = 0
