//go:build !unix

package rawfs

import "os"

func umask() os.FileMode { return 0 }
