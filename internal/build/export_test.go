package build

import "github.com/fazhi-dev/fazhi/internal/buildcache"

// Work returns how many files were minified and compressed so far.
func Work() (minified, compressed int64) { return work.minified.Load(), work.compressed.Load() }

// OnCacheStep calls f after each step of the builds that follow with the
// previous cache's records as the build holds them then, and whether it
// still holds the keys; restore ends it.
func OnCacheStep(f func(step string, prev *buildcache.Cache, keys bool)) (restore func()) {
	afterStep = func(step string, b *builder) {
		if b.cache != nil {
			f(step, b.cache.prev, b.cache.keys != nil)
		}
	}
	return func() { afterStep = nil }
}

// OnCacheKeys calls f after each step of the builds that follow with the
// number of pages whose sources and references the cache's keys hold
// then (-1 when it holds no keys); restore ends it.
func OnCacheKeys(f func(step string, srcs, refs int)) (restore func()) {
	afterStep = func(step string, b *builder) {
		if b.cache == nil {
			return
		}
		if k := b.cache.keys; k != nil {
			f(step, len(k.srcs), len(k.refs))
		} else {
			f(step, -1, -1)
		}
	}
	return func() { afterStep = nil }
}
