package build_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// TestCatalogueMatchesSchema validates the policy catalogue against the
// published JSON Schema in docs/schema/catalogue.schema.json.
func TestCatalogueMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	path, _ := filepath.Abs(filepath.Join(fazhitest.RepoRoot(t), "docs", "schema", "catalogue.schema.json"))
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := fazhitest.Build(t, policySite+modelLayouts)
	var doc any
	if err := json.Unmarshal([]byte(r.File("zhengce/index.json")), &doc); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("catalogue does not match its schema:\n%v", err)
	}
	// The schema can fail: a catalogue with an unknown validity is rejected.
	bad := strings.Replace(r.File("zhengce/index.json"), `"validity": "有效"`, `"validity": "生效"`, 1)
	var badDoc any
	json.Unmarshal([]byte(bad), &badDoc)
	if err := sch.Validate(badDoc); err == nil {
		t.Error("schema accepted an unknown validity")
	}
}
