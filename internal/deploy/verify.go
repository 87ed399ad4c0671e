package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/emmansun/gmsm/sm3"

	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/sign"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Finding kinds of a verify.
const (
	Changed    = "changed"    // the target serves other bytes
	Missing    = "missing"    // the target does not have the file
	Unexpected = "unexpected" // the target has a file nobody built
	Signature  = "signature"  // the manifest's signature is missing or bad
)

// Finding is one difference between the build and the target.
type Finding struct {
	Kind   string `json:"kind"`
	Path   string `json:"path"`
	Detail string `json:"detail,omitempty"`
}

// Report is the result of a verify.
type Report struct {
	Target   string    `json:"target"`
	Checked  int       `json:"checked"`
	Findings []Finding `json:"findings"`
}

// Manifest is a build's manifest as verify reads it.
type Manifest struct {
	Raw []byte
	Sig []byte // nil when there is no signature file
	*publish.Manifest
}

// LoadManifest reads a manifest file and the signature beside it
// (FILE.sig).
func LoadManifest(file string) (*Manifest, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("无法读取清单「%s」：请先运行 fazhi build，或用 --manifest 指定 (manifest not found)", file)
	}
	m, err := publish.ParseManifest(raw)
	if err != nil {
		return nil, err
	}
	out := &Manifest{Raw: raw, Manifest: m}
	if sig, err := os.ReadFile(file + ".sig"); err == nil {
		out.Sig = sig
	}
	return out, nil
}

// VerifyOptions configure a verify.
type VerifyOptions struct {
	Manifest *Manifest
	// Target is a bucket or folder; when nil, URL is the public address
	// read over HTTP(S).
	Target *Target
	URL    string
	// Key, when set, makes a missing or bad signature a finding.
	Key  *sign.PublicKey
	Keep []string
	// Sample > 0 checks the home page, the column fronts and Sample other
	// files chosen at random; 0 checks every file.
	Sample      int
	Rand        *rand.Rand
	HTTPClient  *http.Client
	Concurrency int
}

// Verify reads every file of the manifest from the target and compares
// its SHA-256 with the manifest's. An error wrapping ErrUnreachable means
// the target could not be read.
func Verify(ctx context.Context, o VerifyOptions) (*Report, error) {
	m := o.Manifest
	rep := &Report{Findings: []Finding{}}
	if o.Key != nil {
		switch {
		case m.Sig == nil:
			rep.Findings = append(rep.Findings, Finding{Signature, publish.SignatureName, "缺少签名文件 (no signature)"})
		default:
			if err := o.Key.Verify(m.Raw, m.Sig); err != nil {
				rep.Findings = append(rep.Findings, Finding{Signature, publish.ManifestName, err.Error()})
			}
		}
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	listed := make(map[string]string, len(m.Files))
	for _, e := range m.Files {
		listed[e.Path] = e.Hash
	}
	names := make([]string, 0, len(m.Files))
	folder := o.Target != nil && o.Target.Kind == "file"
	has := map[string]bool{}
	for _, e := range m.Files {
		has[e.Path] = true
	}
	for _, e := range m.Files {
		if !folder && compressedSibling(e.Path, has) {
			continue // not uploaded to buckets, negotiated over HTTP
		}
		names = append(names, e.Path)
	}
	names = sample(names, o.Sample, o.Rand)

	// hashOf returns the target's digests of name; an empty SHA-256
	// when it is missing.
	var hashOf func(ctx context.Context, name string) (digest, error)
	var have map[string]object
	switch {
	case o.Target == nil:
		rep.Target = o.URL
		hc := o.HTTPClient
		if hc == nil {
			hc = http.DefaultClient
		}
		hashOf = func(ctx context.Context, name string) (digest, error) { return httpHash(ctx, hc, o.URL, name) }
		o.Concurrency = min(o.Concurrency, 4)
	case folder:
		rep.Target = o.Target.String()
		d := &dirStore{dir: o.Target.Dir}
		if _, err := os.Stat(d.dir); err != nil {
			return nil, fmt.Errorf("%w：文件夹 %s 不存在", ErrUnreachable, d.dir)
		}
		var err error
		if have, err = d.list(); err != nil {
			return nil, err
		}
		hashOf = func(_ context.Context, name string) (digest, error) {
			dg := digest{sha256: have[name].sha256}
			if dg.sha256 != "" && m.SM3[name] != "" {
				b, err := d.read(name)
				if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return dg, err
				}
				dg.sm3 = publish.SM3(b)
			}
			return dg, nil
		}
	default:
		rep.Target = o.Target.String()
		s, err := newS3(o.Target, o.HTTPClient)
		if err != nil {
			return nil, err
		}
		if have, err = s.list(ctx); err != nil {
			return nil, err
		}
		hashOf = func(ctx context.Context, name string) (digest, error) {
			b, err := s.read(ctx, name)
			if errors.Is(err, fs.ErrNotExist) {
				return digest{}, nil
			}
			if err != nil {
				return digest{}, err
			}
			return digest{sha256: publish.Hash(b), sm3: publish.SM3(b)}, nil
		}
	}
	if have != nil {
		// The target's copy of the manifest and signature must be the
		// build's; a file nobody built is reported.
		extra := map[string]string{publish.ManifestName: publish.Hash(m.Raw)}
		if m.Sig != nil {
			extra[publish.SignatureName] = publish.Hash(m.Sig)
		}
		for name, h := range extra {
			names = append(names, name)
			listed[name] = h
		}
		var unexpected []string
		for name := range have {
			if _, ok := listed[name]; !ok && !kept(name, o.Keep) {
				unexpected = append(unexpected, name)
			}
		}
		sort.Strings(unexpected)
		for _, name := range unexpected {
			rep.Findings = append(rep.Findings, Finding{Kind: Unexpected, Path: name})
		}
	}
	rep.Checked = len(names)
	var mu sync.Mutex
	var found []Finding
	err := parallel(ctx, o.Concurrency, len(names), func(ctx context.Context, i int) error {
		name := names[i]
		h, err := hashOf(ctx, name)
		if err != nil {
			return err
		}
		var f *Finding
		switch {
		case h.sha256 == "" && have != nil && have[name].size < 0:
			f = &Finding{Kind: Changed, Path: name, Detail: "不是普通文件 (not a regular file)"}
		case h.sha256 == "":
			f = &Finding{Kind: Missing, Path: name}
		case h.sha256 != listed[name]:
			f = &Finding{Kind: Changed, Path: name}
		case m.SM3[name] != "" && h.sm3 != m.SM3[name]:
			f = &Finding{Kind: Changed, Path: name, Detail: "SM3 摘要不符 (SM3 digest differs)"}
		}
		if f != nil {
			mu.Lock()
			found = append(found, *f)
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	rep.Findings = append(rep.Findings, found...)
	return rep, nil
}

// sample keeps the home page, the column fronts and n others at random;
// n <= 0 keeps everything.
func sample(names []string, n int, r *rand.Rand) []string {
	if n <= 0 {
		return names
	}
	var fronts, rest []string
	for _, name := range names {
		if name == "index.html" || (strings.Count(name, "/") == 1 && strings.HasSuffix(name, "/index.html")) {
			fronts = append(fronts, name)
		} else {
			rest = append(rest, name)
		}
	}
	if r == nil {
		r = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	if n < len(rest) {
		rest = rest[:n]
	}
	return append(fronts, rest...)
}

// digest holds the hex digests of a file's bytes.
type digest struct{ sha256, sm3 string }

// httpHash fetches name under base and returns its digests; empty ones
// when the server answers 404 or 410.
func httpHash(ctx context.Context, hc *http.Client, base, name string) (digest, error) {
	u := site.FileURLs(base, name)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u[0], nil) // a folder's URL for its index.html, as the public reads it
	if err != nil {
		return digest{}, err
	}
	// Ask for the bytes as built: a compressed answer would differ.
	req.Header.Set("Accept-Encoding", "identity")
	req.Header.Set("User-Agent", "fazhi-verify")
	res, err := hc.Do(req)
	if err != nil {
		return digest{}, fmt.Errorf("%w：%v", ErrUnreachable, err)
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode == http.StatusNotFound || res.StatusCode == http.StatusGone:
		return digest{}, nil
	case res.StatusCode != http.StatusOK:
		return digest{}, fmt.Errorf("%w：%s 答复 %s", ErrUnreachable, req.URL, res.Status)
	}
	h, g := sha256.New(), sm3.New()
	if _, err := io.Copy(io.MultiWriter(h, g), res.Body); err != nil {
		return digest{}, fmt.Errorf("%w：读取 %s：%v", ErrUnreachable, req.URL, err)
	}
	return digest{sha256: hex.EncodeToString(h.Sum(nil)), sm3: hex.EncodeToString(g.Sum(nil))}, nil
}
