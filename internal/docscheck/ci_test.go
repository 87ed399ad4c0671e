package docscheck

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/fazhi-dev/fazhi/internal/cli"
)

// repoRoot finds the folder holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// commandLine asks the CLI for its commands and for each command's flags.
func commandLine(t *testing.T) map[string][]string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Main(context.Background(), []string{"help"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("fazhi help: exit %d\n%s", code, errOut.String())
	}
	cmdLine := regexp.MustCompile(`(?m)^  ([a-z]+) `)
	flagLine := regexp.MustCompile(`(?m)^\s+-([A-Za-z][A-Za-z0-9-]*)`)
	cmds := map[string][]string{}
	for _, m := range cmdLine.FindAllStringSubmatch(out.String(), -1) {
		name := m[1]
		var o, e bytes.Buffer
		cli.Main(context.Background(), []string{name, "-h"}, nil, &o, &e)
		var flags []string
		for _, f := range flagLine.FindAllStringSubmatch(e.String(), -1) {
			flags = append(flags, f[1])
		}
		cmds[name] = flags
	}
	for _, want := range []string{"build", "check", "new", "serve", "version", "help"} {
		if _, ok := cmds[want]; !ok {
			t.Fatalf("fazhi help does not list %q:\n%s", want, out.String())
		}
	}
	if !slices.Contains(cmds["check"], "format") || !slices.Contains(cmds["build"], "s") {
		t.Fatalf("flags not read from -h output: %v", cmds)
	}
	return cmds
}

// scripts collects the shell text of a pipeline: GitHub steps' run and
// GitLab jobs' script, before_script and after_script.
func scripts(node any, key string, out *[]string) {
	switch n := node.(type) {
	case map[string]any:
		for k, v := range n {
			scripts(v, k, out)
		}
	case []any:
		for _, v := range n {
			scripts(v, key, out)
		}
	case string:
		switch key {
		case "run", "script", "before_script", "after_script":
			*out = append(*out, n)
		}
	}
}

// invocation is one `fazhi <command> [flags]` in a script.
type invocation struct {
	line    string
	command string
	flags   []string
}

// fazhiWord matches fazhi (or a path ending in /fazhi) as the command word
// of a shell command: at the start of the line or after ; & | or (.
var fazhiWord = regexp.MustCompile(`(?:^|[;&|(])\s*(?:[^\s;&|()]*/)?fazhi[ \t]+(.*)$`)

// invocations finds every fazhi command in shell text. Arguments end at a
// pipe, redirection or list operator.
func invocations(text string) []invocation {
	var out []invocation
	for _, line := range strings.Split(text, "\n") {
		m := fazhiWord.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		fields := strings.Fields(m[1])
		if len(fields) == 0 {
			continue
		}
		inv := invocation{line: strings.TrimSpace(line), command: fields[0]}
		for _, f := range fields[1:] {
			if strings.ContainsAny(f[:1], "|;&><") || strings.HasPrefix(f, "2>") {
				break
			}
			if name, ok := strings.CutPrefix(f, "-"); ok {
				name = strings.TrimPrefix(name, "-")
				name, _, _ = strings.Cut(name, "=")
				inv.flags = append(inv.flags, name)
			}
		}
		out = append(out, inv)
	}
	return out
}

func TestInvocations(t *testing.T) {
	got := invocations("status=0\nfazhi-src/bin/fazhi check --format json --now=2026-01-02 > check.json || status=$?\n# fazhi nothing\necho fazhi-src\ngo build -o bin/fazhi ./cmd/fazhi\ncd site && ./bin/fazhi build -s site -d out")
	if len(got) != 2 || got[0].command != "check" || strings.Join(got[0].flags, ",") != "format,now" ||
		got[1].command != "build" || strings.Join(got[1].flags, ",") != "s,d" {
		t.Errorf("invocations = %+v", got)
	}
}

// TestCIPipelines parses the example pipelines and the script they both
// call, and checks that every fazhi command they run exists with the flags
// given, and that they do what the author's guide promises: install a fazhi
// release and only the two pinned npm tools, fail on check errors, build
// signed, deploy one at a time, verify, keep .fazhi-cache and rebuild
// nightly.
func TestCIPipelines(t *testing.T) {
	cmds := commandLine(t)
	root := repoRoot(t)
	script, err := os.ReadFile(filepath.Join(root, "docs", "ci", "publish.sh"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Dev map[string]string `json:"devDependencies"`
	}
	pj, _ := os.ReadFile(filepath.Join(root, "package.json"))
	if err := json.Unmarshal(pj, &pkg); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"github-actions.yml", "gitlab-ci.yml"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(root, "docs", "ci", name))
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := yaml.Unmarshal(src, &doc); err != nil {
				t.Fatalf("not valid YAML: %v", err)
			}
			var texts []string
			scripts(doc, "", &texts)
			all := strings.Join(texts, "\n")
			if !strings.Contains(all, "sh ci/publish.sh") {
				t.Fatalf("the pipeline does not call ci/publish.sh")
			}
			all += "\n" + string(script)
			seen := map[string]bool{}
			for _, inv := range invocations(all) {
				flags, ok := cmds[inv.command]
				if !ok {
					t.Errorf("%q: fazhi has no command %q", inv.line, inv.command)
					continue
				}
				seen[inv.command] = true
				for _, f := range inv.flags {
					if !slices.Contains(flags, f) {
						t.Errorf("%q: fazhi %s has no flag -%s (it has %v)", inv.line, inv.command, f, flags)
					}
				}
			}
			for _, c := range []string{"check", "build", "deploy", "verify"} {
				if !seen[c] {
					t.Errorf("the pipeline does not run fazhi %s; found %v", c, seen)
				}
			}
			for _, want := range []string{`go install "github.com/fazhi-dev/fazhi/cmd/fazhi@$FAZHI_VERSION"`, "npm install", "check --format json", "exit $status",
				`"sass-embedded-linux-x64@$SASS_VERSION" "@pagefind/linux-x64@$PAGEFIND_VERSION"`, "--url \"$PUBLIC_URL\"", "--purge-list"} {
				if !strings.Contains(all, want) {
					t.Errorf("scripts do not contain %q", want)
				}
			}
			// Only the two tools the build needs, at the versions pinned in
			// package.json; fazhi is installed as a release, not built.
			for _, notWant := range []string{"npm ci", "go build", "axe-core", "vnu-jar", "lighthouse"} {
				if strings.Contains(all, notWant) {
					t.Errorf("scripts contain %q", notWant)
				}
			}
			for v, pkgName := range map[string]string{"SASS_VERSION": "sass-embedded-linux-x64", "PAGEFIND_VERSION": "pagefind"} {
				if !regexp.MustCompile(`(?m)^\s+` + v + `: ` + regexp.QuoteMeta(pkg.Dev[pkgName]) + `$`).Match(src) {
					t.Errorf("%s is not the version of %s in package.json (%s)", v, pkgName, pkg.Dev[pkgName])
				}
			}
			// fazhi finds Dart Sass and Pagefind only through the
			// environment (or beside its binary), never in the site's
			// checkout: the pipeline must point at the installed ones.
			for v, tail := range map[string]string{"FAZHI_DART_SASS": "node_modules/sass-embedded-linux-x64/dart-sass/sass", "FAZHI_PAGEFIND": "node_modules/@pagefind/linux-x64/bin/pagefind_extended"} {
				if !regexp.MustCompile(v + `(: |=)\S*` + regexp.QuoteMeta(tail)).Match(src) {
					t.Errorf("the pipeline does not set %s to the program npm installed", v)
				}
			}
			if !regexp.MustCompile(`(?m)^\s+FAZHI_CACHE_DIR: .*\.fazhi-cache$`).Match(src) {
				t.Errorf("FAZHI_CACHE_DIR is not .fazhi-cache")
			}
			switch name {
			case "github-actions.yml":
				var wf struct {
					On struct {
						Schedule []struct{ Cron string } `yaml:"schedule"`
					} `yaml:"on"`
					Concurrency struct {
						Group  string `yaml:"group"`
						Cancel bool   `yaml:"cancel-in-progress"`
					} `yaml:"concurrency"`
					Jobs map[string]struct {
						Steps []struct {
							Uses string         `yaml:"uses"`
							With map[string]any `yaml:"with"`
							Run  string         `yaml:"run"`
						} `yaml:"steps"`
					} `yaml:"jobs"`
				}
				if err := yaml.Unmarshal(src, &wf); err != nil {
					t.Fatal(err)
				}
				if len(wf.On.Schedule) == 0 || len(strings.Fields(wf.On.Schedule[0].Cron)) != 5 {
					t.Errorf("no nightly schedule: %+v", wf.On.Schedule)
				}
				if wf.Concurrency.Group == "" || wf.Concurrency.Cancel {
					t.Errorf("deploys are not serialized: %+v", wf.Concurrency)
				}
				var uses []string
				for _, j := range wf.Jobs {
					for _, s := range j.Steps {
						uses = append(uses, s.Uses)
						if strings.HasPrefix(s.Uses, "actions/cache") && s.With["path"] != ".fazhi-cache" {
							t.Errorf("cache path = %v, want .fazhi-cache", s.With["path"])
						}
					}
				}
				for _, want := range []string{"actions/checkout", "actions/setup-go", "actions/setup-node", "actions/cache"} {
					if !slices.ContainsFunc(uses, func(u string) bool { return strings.HasPrefix(u, want+"@") }) {
						t.Errorf("no step uses %s", want)
					}
				}
				if !strings.Contains(all, "::") || !strings.Contains(all, "file=") || !strings.Contains(all, "line=") || !strings.Contains(all, "col=") {
					t.Errorf("check findings are not turned into ::error file=…,line=…,col=… annotations")
				}
			case "gitlab-ci.yml":
				var ci struct {
					Fazhi struct {
						Cache struct{ Paths []string } `yaml:"cache"`
					} `yaml:".fazhi"`
					Publish struct {
						ResourceGroup string   `yaml:"resource_group"`
						Script        []string `yaml:"script"`
					} `yaml:"publish"`
				}
				if err := yaml.Unmarshal(src, &ci); err != nil {
					t.Fatal(err)
				}
				if ci.Publish.ResourceGroup == "" || !slices.Contains(ci.Publish.Script, "sh ci/publish.sh") {
					t.Errorf("publish job: %+v", ci.Publish)
				}
				if !slices.Contains(ci.Fazhi.Cache.Paths, ".fazhi-cache/") {
					t.Errorf("cache paths %v lack .fazhi-cache/", ci.Fazhi.Cache.Paths)
				}
				if !strings.Contains(string(src), "Pipeline schedules") {
					t.Errorf("no word on the nightly schedule")
				}
			}
		})
	}
}
