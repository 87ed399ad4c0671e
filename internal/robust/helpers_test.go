package robust

import "testing/fstest"

func fsysFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
