package build

// Work returns how many files were minified and compressed so far.
func Work() (minified, compressed int64) { return work.minified.Load(), work.compressed.Load() }
