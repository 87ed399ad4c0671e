package build_test

import (
	"testing"

	"github.com/fazhi-dev/fazhi/internal/fazhitest"
)

// The theme's validity badge takes its class from the policy's validity
// state, one class per state: expired and repealed documents are told
// apart, and no layout compares the Chinese words.
func TestValidityBadgeClass(t *testing.T) {
	r := fazhitest.Build(t, policySite, fazhitest.WithTheme(), at("2026-11-27T10:00"))
	for page, badge := range map[string]string{
		"zhengce/amend/index.html":    `<span class="badge badge-in-force">有效</span>`,
		"zhengce/old/index.html":      `<span class="badge badge-amended">已修改</span>`,
		"zhengce/juece/index.html":    `<span class="badge badge-not-yet">尚未施行</span>`,
		"zhengce/expired/index.html":  `<span class="badge badge-expired">已失效</span>`,
		"zhengce/repealed/index.html": `<span class="badge badge-repealed">已废止</span>`,
	} {
		r.AssertFileContent(page, badge)
	}
	// The banner names the amending document only for an amended one.
	r.AssertFileContent("zhengce/old/index.html", "查看修改文件")
	r.AssertFileContent("zhengce/repealed/index.html", "查看现行文件")
}
