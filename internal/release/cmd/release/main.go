// Command release writes fazhi's release archives into a folder (dist/):
// one per platform, zip for Windows and tar.gz otherwise, with the fazhi
// binary, the matching Pagefind binary beside it where its npm package can
// be had (npm pack), and a short 说明.txt; and SHA256SUMS. Run it with
// `make release` from the repository root.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fazhi-dev/fazhi/internal/release"
)

func main() {
	out := flag.String("out", "dist", "folder for the archives")
	version := flag.String("version", "", "version in the archive names (default: git describe)")
	platforms := flag.String("platforms", "", "comma-separated os/arch list (default: all four)")
	flag.Parse()
	if err := run(*out, *version, *platforms); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(out, version, list string) error {
	if version == "" {
		version = git("describe", "--tags", "--always", "--dirty")
	}
	if version == "" {
		version = "dev"
	}
	// Every time in an archive is the commit's, so that the same commit
	// gives the same archives.
	mtime := time.Unix(0, 0)
	if s, err := strconv.ParseInt(git("log", "-1", "--format=%ct"), 10, 64); err == nil {
		mtime = time.Unix(s, 0)
	}
	plats := release.Platforms
	if list != "" {
		plats = nil
		for _, s := range strings.Split(list, ",") {
			p, err := release.ParsePlatform(strings.TrimSpace(s))
			if err != nil {
				return err
			}
			plats = append(plats, p)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "fazhi-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var sums strings.Builder
	for _, p := range plats {
		bin, err := release.BuildFazhi(".", p, tmp)
		if err != nil {
			return err
		}
		files := []release.File{{Name: p.Exe("fazhi"), Data: bin, Exec: true}}
		pf, err := release.FetchPagefind(filepath.Join(out, "cache"), p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "release: %s without Pagefind: %v\n", p, err)
		} else {
			files = append(files, release.File{Name: p.Exe("pagefind_extended"), Data: pf, Exec: true})
		}
		// Decap CMS, the web editor of fazhi serve --cms, is the same for
		// every platform: the pinned npm package's dist folder.
		if dec, err := release.DecapFiles(filepath.Join("node_modules", "decap-cms", "dist")); err != nil {
			fmt.Fprintf(os.Stderr, "release: %s without Decap CMS (run npm ci): %v\n", p, err)
		} else {
			files = append(files, dec...)
		}
		files = append(files, release.File{Name: "说明.txt", Data: release.Readme(version, p, pf != nil)})
		var buf bytes.Buffer
		if err := release.WriteArchive(&buf, p.Zip(), p.Folder(version), files, mtime); err != nil {
			return err
		}
		name := p.Archive(version)
		if err := os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
		with := "with Pagefind"
		if pf == nil {
			with = "without Pagefind"
		}
		fmt.Printf("%s  %.1f MB  (%s)\n", filepath.Join(out, name), float64(buf.Len())/1e6, with)
	}
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(sums.String()), 0o644)
}

func git(args ...string) string {
	b, err := exec.Command("git", args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
