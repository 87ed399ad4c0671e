package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/fazhi-dev/fazhi/internal/scss"
	"github.com/fazhi-dev/fazhi/internal/search"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"fazhi": func() { os.Exit(Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script. They build with the
// embedded theme, so they need Dart Sass (installed by make test).
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Dart Sass (run make test)")
	}
	root := fazhitest.RepoRoot(t)
	sass, err := scss.Program.InRepo(root)
	if err != nil {
		t.Fatal(err)
	}
	pagefind, err := search.Program.InRepo(root)
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv(scss.EnvVar, sass)
			env.Setenv(search.EnvVar, pagefind)
			env.Setenv("REPO", root)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// setenvfile VAR FILE sets VAR to FILE's content (a key, as CI
			// passes it in a masked variable).
			"setenvfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: setenvfile VAR FILE")
				}
				ts.Setenv(args[0], ts.ReadFile(args[1]))
			},
			// httpserve DIR serves DIR on loopback and sets $SERVE_URL.
			"httpserve": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: httpserve DIR")
				}
				srv := httptest.NewServer(http.FileServer(http.Dir(ts.MkAbs(args[0]))))
				ts.Defer(srv.Close)
				ts.Setenv("SERVE_URL", srv.URL+"/")
			},
			// xlsx CSV XLSX SHEET writes the rows of a UTF-8 CSV file into
			// the sheet SHEET of a new workbook, as Excel would hold them
			// (a spreadsheet cannot be written in a script's text).
			"xlsx": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: xlsx CSV XLSX SHEET")
				}
				r := csv.NewReader(strings.NewReader(ts.ReadFile(args[0])))
				r.FieldsPerRecord = -1
				rows, err := r.ReadAll()
				ts.Check(err)
				f := excelize.NewFile()
				defer f.Close()
				ts.Check(f.SetSheetName("Sheet1", args[2]))
				for i, row := range rows {
					cell, _ := excelize.CoordinatesToCellName(1, i+1)
					vals := make([]any, len(row))
					for j, v := range row {
						vals[j] = v
					}
					ts.Check(f.SetSheetRow(args[2], cell, &vals))
				}
				ts.Check(f.SaveAs(ts.MkAbs(args[1])))
			},
			// exitcode N cmd args... runs cmd and checks its exit status.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: exitcode N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exitcode: %v", err)
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("exitcode: %v", err)
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
	})
}
