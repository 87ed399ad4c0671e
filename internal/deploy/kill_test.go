package deploy_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"syscall"
	"testing"

	"github.com/fazhi-dev/fazhi/internal/deploy"
)

// TestMain lets the test binary act as a deploy that kills itself with
// SIGKILL just before its n-th request to the S3 server.
func TestMain(m *testing.M) {
	if os.Getenv("FAZHI_DEPLOY_CHILD") == "" {
		os.Exit(m.Run())
	}
	killAt, _ := strconv.Atoi(os.Getenv("FAZHI_KILL_AT"))
	b, err := deploy.OpenBuild(os.Getenv("FAZHI_BUILD"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tg, err := deploy.ParseTarget(os.Getenv("FAZHI_TARGET"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rec := &recorder{before: func(n int) {
		if n == killAt {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
	}}
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, HTTPClient: rec.client(), Concurrency: 4}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// bigSite returns n pages and n attachments, edited by version v: every
// third page changes, and pages above n-n/(v+1) are gone.
func bigSite(n, v int) map[string]string {
	out := map[string]string{}
	for i := range n {
		if v > 1 && i >= n-n/(v+1) {
			continue
		}
		body := fmt.Sprintf("<!doctype html><title>第%d篇</title>", i)
		if i%3 == 0 {
			body += fmt.Sprintf("<p>第%d版", v)
		}
		out[fmt.Sprintf("p/%03d/index.html", i)] = body
		out[fmt.Sprintf("p/%03d/f.%d.pdf", i, v%2)] = fmt.Sprintf("attachment %d of version %d", i, v)
	}
	out["index.html"] = fmt.Sprintf("home v%d", v)
	return out
}

func TestS3DeployKilledAndRerun(t *testing.T) {
	srv := fazhitestStart(t, "www")
	c := client(srv)
	tg := s3Target(t, srv, "www", "site")
	root := t.TempDir()
	builds := map[int]string{}
	for v := 1; v <= 3; v++ {
		builds[v] = filepath.Join(root, fmt.Sprintf("v%d", v))
		writeBuild(t, builds[v], bigSite(30, v), int64(v))
	}
	first, err := deploy.OpenBuild(builds[1])
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: first, Target: tg}); err != nil {
		t.Fatal(err)
	}
	manifests := map[string]bool{}
	for v := 1; v <= 3; v++ {
		m, _ := os.ReadFile(filepath.Join(builds[v], ".fazhi-manifest.json"))
		manifests[string(m)] = true
	}
	rng := rand.New(rand.NewPCG(15, 4))
	killed := 0
	for i := range 8 {
		v := 2 + i/4
		// Kill inside the requests this deploy makes: a listing, the
		// manifest's read, and one per upload and deletion.
		b, err := deploy.OpenBuild(builds[v])
		if err != nil {
			t.Fatal(err)
		}
		plan, err := deploy.Run(context.Background(), deploy.Options{Build: b, Target: tg, DryRun: true})
		b.Close()
		if err != nil {
			t.Fatal(err)
		}
		at := 1 + rng.IntN(2+plan.Uploaded+plan.Repaired+plan.Deleted)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "FAZHI_DEPLOY_CHILD=1", "FAZHI_KILL_AT="+strconv.Itoa(at),
			"FAZHI_BUILD="+builds[v], "FAZHI_TARGET="+srv.Target("www", "site"))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
				killed++
			} else {
				t.Fatalf("deploy of v%d killed at request %d: %v\n%s", v, at, err, out)
			}
		} else if err != nil {
			t.Fatal(err)
		}
		// Whatever the moment, the target's manifest is one build's whole.
		if m := bucket(t, c, "www")["site/.fazhi-manifest.json"]; !manifests[m] {
			t.Fatalf("after a kill at request %d the manifest is not one of a build:\n%s", at, m)
		}
	}
	if killed < 8 {
		t.Fatalf("only %d of 8 deploys were killed: the kill points do not fall inside a deploy", killed)
	}
	last, err := deploy.OpenBuild(builds[3])
	if err != nil {
		t.Fatal(err)
	}
	defer last.Close()
	if _, err := deploy.Run(context.Background(), deploy.Options{Build: last, Target: tg}); err != nil {
		t.Fatal(err)
	}
	if got, want := bucket(t, c, "www"), wantBucket(t, builds[3], "site/", bigSite(30, 3)); !reflect.DeepEqual(got, want) {
		t.Errorf("bucket after the re-run:\n%v\nwant\n%v", keys(got), keys(want))
	}
}
