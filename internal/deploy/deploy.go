package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fazhi-dev/fazhi/internal/publish"
	"github.com/fazhi-dev/fazhi/internal/site"
)

// Options configure a deploy.
type Options struct {
	Build  *Build
	Target *Target
	// Keep lists the [deploy] keep patterns.
	Keep    []string
	Headers Headers
	// Concurrency bounds the uploads and deletions in flight (default 8).
	Concurrency int
	// DryRun prints the plan to Log and changes nothing.
	DryRun bool
	// AllowRollback lets a manifest of a lower sequence replace the
	// target's.
	AllowRollback bool
	// Adopt lets a deploy delete files from a target that holds no
	// manifest of a fazhi deploy (another site, a mistyped prefix).
	Adopt bool
	// Log receives the plan of a dry run.
	Log io.Writer
	// HTTPClient, when set, carries the S3 requests (tests record them).
	HTTPClient *http.Client
}

// Summary tells what a deploy did.
type Summary struct {
	Uploaded, Repaired, Unchanged, Deleted, Kept int
	Bytes                                        int64
	Duration                                     time.Duration
	// Changed and Removed name the files uploaded and deleted.
	Changed, Removed []string
}

// RollbackError refuses to replace a target's manifest with an older one.
type RollbackError struct{ Have, Want int64 }

func (e *RollbackError) Error() string {
	return fmt.Sprintf("发布目标上的版本序号 %d 比本次构建的 %d 新：拒绝用旧的构建覆盖（防止重放旧版本）；确需回退请加 --allow-rollback (refusing to roll back from sequence %d to %d)", e.Have, e.Want, e.Have, e.Want)
}

// ForeignError refuses to delete files from a target that no fazhi deploy
// wrote.
type ForeignError struct {
	Target string
	Files  []string
}

func (e *ForeignError) Error() string {
	more := ""
	if len(e.Files) > 3 {
		more = fmt.Sprintf(" 等 %d 个", len(e.Files))
	}
	return fmt.Sprintf("发布目标 %s 上已有不属于本次构建的文件（%s%s），却没有 fazhi 发布的清单：它可能是另一个网站或写错了前缀。确认目标无误后，加 --adopt 接管它（会删除这些文件） (target holds files but no fazhi manifest; use --adopt)",
		e.Target, strings.Join(e.Files[:min(3, len(e.Files))], "、"), more)
}

// Run deploys o.Build to o.Target.
func Run(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	if o.Concurrency <= 0 {
		o.Concurrency = 8
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	var (
		files []localFile
		have  map[string]object
		err   error
		s3s   *s3Store
		dirs  *dirStore
		same  func(localFile, object) bool
		cur   []byte
	)
	switch o.Target.Kind {
	case "s3":
		if s3s, err = newS3(o.Target, o.HTTPClient); err != nil {
			return nil, err
		}
		// Object stores do not negotiate encodings: the CDN compresses,
		// so the .gz and .br siblings stay at home.
		if files, err = o.Build.files(false); err != nil {
			return nil, err
		}
		if have, err = s3s.list(ctx); err != nil {
			return nil, err
		}
		if _, ok := have[publish.ManifestName]; ok {
			if cur, err = s3s.read(ctx, publish.ManifestName); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
		same = func(f localFile, ob object) bool { return f.size == ob.size && f.md5 == ob.md5 }
	case "file":
		if err := separate(o.Build.Dir, o.Target.Dir); err != nil {
			return nil, err
		}
		dirs = &dirStore{dir: o.Target.Dir}
		if !o.DryRun {
			lock, err := dirs.lock()
			if err != nil {
				return nil, err
			}
			defer lock.Release()
		}
		if files, err = o.Build.files(true); err != nil {
			return nil, err
		}
		if have, err = dirs.list(); err != nil {
			return nil, err
		}
		if cur, err = dirs.read(publish.ManifestName); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		same = func(f localFile, ob object) bool { return f.size == ob.size && f.sha256 == ob.sha256 }
	default:
		return nil, fmt.Errorf("unknown target kind %q", o.Target.Kind)
	}
	if cur != nil && !o.AllowRollback {
		if m, err := publish.ParseManifest(cur); err == nil && m.Sequence > o.Build.Manifest.Sequence {
			return nil, &RollbackError{Have: m.Sequence, Want: o.Build.Manifest.Sequence}
		}
	}
	p := makePlan(files, have, o.Keep, same)
	if cur == nil && len(p.del) > 0 && !o.Adopt && !o.DryRun {
		return nil, &ForeignError{Target: o.Target.String(), Files: p.del}
	}
	// A file the build did not change but the target holds otherwise (or
	// not at all) is a repair: it was defaced, deleted, or a killed run
	// left it behind.
	deployed := map[string]string{}
	if m, err := publish.ParseManifest(cur); cur != nil && err == nil {
		for _, e := range m.Files {
			deployed[e.Path] = e.Hash
		}
	}
	sum := &Summary{Unchanged: p.unchanged, Kept: p.kept}
	for i, s := range p.upload {
		p.upload[i].repair = deployed[s.file.name] == s.file.sha256
		if p.upload[i].repair {
			sum.Repaired++
		} else {
			sum.Uploaded++
		}
		sum.Bytes += s.file.size
		sum.Changed = append(sum.Changed, s.file.name)
	}
	sum.Deleted = len(p.del)
	sum.Removed = p.del
	if o.DryRun {
		p.print(o.Log)
		sum.Duration = time.Since(start)
		return sum, nil
	}
	if p.changes() {
		switch {
		case s3s != nil:
			err = applyS3(ctx, s3s, o, p)
		default:
			err = dirs.apply(o.Build, p, files, have, o.Keep)
		}
		if err != nil {
			return nil, err
		}
	}
	sum.Duration = time.Since(start)
	return sum, nil
}

// separate refuses a folder target that is the build's output folder or
// lies inside it or around it.
func separate(build, target string) error {
	b, err1 := filepath.Abs(build)
	t, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return errors.Join(err1, err2)
	}
	inside := func(a, b string) bool {
		rel, err := filepath.Rel(b, a)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	if inside(t, b) || inside(b, t) {
		return fmt.Errorf("发布文件夹 %s 与输出文件夹 %s 重合或互相包含：请发布到另一个文件夹 (target overlaps the build output)", t, b)
	}
	return nil
}

// applyS3 uploads phase by phase (other files, pages, manifest,
// signature) and deletes last; each phase waits for the one before.
func applyS3(ctx context.Context, s *s3Store, o Options, p *plan) error {
	for i := 0; i < len(p.upload); {
		j := i
		for j < len(p.upload) && phase(p.upload[j].file.name) == phase(p.upload[i].file.name) {
			j++
		}
		batch := p.upload[i:j]
		err := parallel(ctx, o.Concurrency, len(batch), func(ctx context.Context, k int) error {
			name := batch[k].file.name
			data, err := o.Build.ReadFile(name)
			if err != nil {
				return err
			}
			if publish.Hash(data) != batch[k].file.sha256 {
				return fmt.Errorf("输出文件「%s」在发布过程中被改动，请重新构建后再发布 (%s changed during the deploy)", name, name)
			}
			return s.put(ctx, name, data, &o.Headers)
		})
		if err != nil {
			return err
		}
		i = j
	}
	return parallel(ctx, o.Concurrency, len(p.del), func(ctx context.Context, k int) error {
		return s.remove(ctx, p.del[k])
	})
}

// parallel runs f for 0..n-1 with at most limit at once and returns the
// first error; after an error, no new call starts.
func parallel(ctx context.Context, limit, n int, f func(context.Context, int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	sem := make(chan struct{}, limit)
	for i := 0; i < n; i++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			if err := f(ctx, i); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
				cancel()
			}
		}(i)
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return first
}

// PurgeURLs returns the absolute URLs of the changed and removed files
// under baseURL, for a CDN refresh: the manifest and signature are left
// out, an index.html brings its folder's URL too.
func (s *Summary) PurgeURLs(baseURL string) []string {
	var out []string
	for _, list := range [][]string{s.Changed, s.Removed} {
		for _, name := range list {
			if name == publish.ManifestName || name == publish.SignatureName {
				continue
			}
			out = append(out, site.FileURLs(baseURL, name)...)
		}
	}
	sort.Strings(out)
	return out
}
