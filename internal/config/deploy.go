package config

// Deploy holds the settings of `fazhi deploy` and `fazhi verify`
// ([deploy] in site.toml). Credentials are never read from site.toml.
type Deploy struct {
	// Target is where a deploy publishes: "s3://BUCKET/PREFIX?endpoint=…"
	// or "file:///ABSOLUTE/PATH".
	Target string `toml:"target"`
	// Keep lists path patterns (path.Match, relative to the target's
	// root) that a deploy never deletes and verify does not report, such
	// as search-engine verification files placed by hand.
	Keep []string `toml:"keep"`
	// PublicKey is the public key ("ed25519:…") or the path of a .pub
	// file, relative to the site folder, that verify checks the
	// manifest's signature with.
	PublicKey string `toml:"publicKey"`
	// Signature is the algorithm of `fazhi keygen`: "ed25519" (default)
	// or "sm2".
	Signature string `toml:"signature"`
	// Concurrency bounds the uploads in flight (default 8).
	Concurrency int `toml:"concurrency"`
	// CacheControl overrides the Cache-Control header by class of file.
	CacheControl CacheControl `toml:"cacheControl"`
	// ContentTypes maps a file extension (".ofd") to a Content-Type.
	ContentTypes map[string]string `toml:"contentTypes"`
}

// CacheControl holds the Cache-Control values of a deploy.
type CacheControl struct {
	// Immutable is for fingerprinted files, whose names change with
	// their content.
	Immutable string `toml:"immutable"`
	// Short is for HTML, feeds, the sitemap, the manifest and the search
	// entry points.
	Short string `toml:"short"`
	// Other is for everything else (images, attachments).
	Other string `toml:"other"`
}
