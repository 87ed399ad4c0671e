// Package deploy publishes a finished build to object storage or to a
// folder that a web server serves, and checks that what a target holds is
// what was built (`fazhi verify`).
//
// A deploy compares the build with what the target actually holds (a
// listing with sizes and MD5 ETags, or the hashes of a folder's files), so
// that a run repairs defaced and missing files, deletes planted ones and
// finishes what a killed run left undone. To object storage it uploads new
// non-HTML files first, then HTML, then the manifest, and deletes last, so
// that the live site is whole at every moment; a folder is switched in one
// rename.
package deploy

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Target is a parsed deploy target.
type Target struct {
	// Kind is "s3" or "file".
	Kind string
	// S3: bucket, key prefix ("" or "a/b/"), endpoint, region and
	// whether to address buckets by path.
	Bucket, Prefix, Endpoint, Region string
	PathStyle                        bool
	// File: the absolute folder.
	Dir string
}

// ErrUnreachable wraps errors of a target that cannot be reached.
var ErrUnreachable = errors.New("无法连接发布目标 (target unreachable)")

var drive = regexp.MustCompile(`^/[A-Za-z]:/`)

// ParseTarget reads "s3://BUCKET[/PREFIX]?endpoint=URL&region=R&pathStyle=true"
// or "file:///ABSOLUTE/PATH".
func ParseTarget(s string) (*Target, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("发布目标「%s」无效：%v (bad target URL)", s, err)
	}
	switch u.Scheme {
	case "s3":
		t := &Target{Kind: "s3", Bucket: u.Host, Region: "us-east-1"}
		if t.Bucket == "" {
			return nil, fmt.Errorf("发布目标「%s」缺少存储桶名，应写成 s3://存储桶/前缀?endpoint=https://…&region=… (missing bucket)", s)
		}
		if p := strings.Trim(u.Path, "/"); p != "" {
			for _, seg := range strings.Split(p, "/") {
				if seg == "" || seg == "." || seg == ".." {
					return nil, fmt.Errorf("发布目标「%s」的前缀无效 (bad prefix)", s)
				}
			}
			t.Prefix = p + "/"
		}
		q := u.Query()
		for k := range q {
			switch k {
			case "endpoint", "region", "pathStyle":
			default:
				return nil, fmt.Errorf("发布目标「%s」中的参数「%s」未知：可用 endpoint、region、pathStyle (unknown parameter)", s, k)
			}
		}
		if e := q.Get("endpoint"); e != "" {
			eu, err := url.Parse(e)
			if err != nil || (eu.Scheme != "https" && eu.Scheme != "http") || eu.Host == "" {
				return nil, fmt.Errorf("发布目标的 endpoint「%s」应为 https://主机名 (bad endpoint)", e)
			}
			t.Endpoint = e
		}
		if r := q.Get("region"); r != "" {
			t.Region = r
		}
		if ps := q.Get("pathStyle"); ps != "" {
			b, err := strconv.ParseBool(ps)
			if err != nil {
				return nil, fmt.Errorf("发布目标的 pathStyle「%s」应为 true 或 false", ps)
			}
			t.PathStyle = b
		}
		return t, nil
	case "file":
		if u.Host != "" && u.Host != "localhost" {
			return nil, fmt.Errorf("发布目标「%s」应写成 file:///绝对路径（三个斜杠） (file target must be file:///ABSOLUTE/PATH)", s)
		}
		p := u.Path
		if drive.MatchString(p) {
			p = p[1:] // file:///C:/www → C:/www
		}
		p = filepath.Clean(filepath.FromSlash(p))
		if !filepath.IsAbs(p) || u.RawQuery != "" {
			return nil, fmt.Errorf("发布目标「%s」应写成 file:///绝对路径 (file target must be absolute)", s)
		}
		if filepath.Dir(p) == p {
			return nil, fmt.Errorf("发布目标「%s」不能是根目录 (refusing the root folder)", s)
		}
		return &Target{Kind: "file", Dir: p}, nil
	}
	return nil, fmt.Errorf("发布目标「%s」应以 s3:// 或 file:/// 开头 (unknown target scheme)", s)
}

// String returns the target as it is shown to users (no credentials are
// ever part of it).
func (t *Target) String() string {
	if t.Kind == "file" {
		return "file://" + filepath.ToSlash(t.Dir)
	}
	return "s3://" + t.Bucket + "/" + t.Prefix
}
