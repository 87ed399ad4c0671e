package config

import (
	"github.com/fazhi-dev/fazhi/internal/diag"
	"github.com/fazhi-dev/fazhi/internal/tomlpos"
)

// CMS holds the settings of the web editor ([cms] in site.toml): Decap CMS
// at /admin/, generated from fazhi's content model.
type CMS struct {
	// Enable makes fazhi serve --cms offer the editor.
	Enable bool `toml:"enable"`
	// Publish writes the editor into the output of fazhi build, for an
	// internal host; it needs Backend. A back-office login on the public
	// portal is an inspection finding, so it is off by default.
	Publish bool `toml:"publish"`
	// Backend is the Git host the published editor commits to: "gitlab"
	// or "gitea".
	Backend string `toml:"backend"`
	// Repo is the repository, "group/site".
	Repo string `toml:"repo"`
	// Branch is the branch edits go to (default "main").
	Branch string `toml:"branch"`
	// BaseURL is the Git host's address (https://git.example.gov.cn), for
	// the login; APIRoot its API (https://git.example.gov.cn/api/v4 for
	// GitLab, …/api/v1 for Gitea).
	BaseURL string `toml:"baseURL"`
	APIRoot string `toml:"apiRoot"`
	// AppID is the OAuth application's ID on the Git host.
	AppID string `toml:"appID"`
	// EditorialWorkflow turns on 草稿 → 待审核 → 待发布 (GitLab only).
	EditorialWorkflow bool `toml:"editorialWorkflow"`
}

// The Git backends the published editor supports.
const (
	CMSGitLab = "gitlab"
	CMSGitea  = "gitea"
)

func (c *CMS) check(pos *tomlpos.Index) diag.List {
	var errs diag.List
	if c.Branch == "" {
		c.Branch = "main"
	}
	switch c.Backend {
	case "", CMSGitLab, CMSGitea:
	default:
		errs = append(errs, diag.New(FileName, pos.Line("cms.backend"),
			"[cms] backend = \"%s\" 无效：应为 \"gitlab\"（自建 GitLab）或 \"gitea\" (unknown CMS backend)", c.Backend))
	}
	if c.Publish && (c.Backend == "" || c.Repo == "") {
		errs = append(errs, diag.New(FileName, pos.Line("cms.publish"),
			"[cms] publish = true 时还要写 backend（\"gitlab\" 或 \"gitea\"）和 repo（如 \"xxgk/site\"），发布到网站上的编辑器通过它们提交修改 (publish needs backend and repo)"))
	}
	if c.EditorialWorkflow && c.Backend == CMSGitea {
		errs = append(errs, diag.New(FileName, pos.Line("cms.editorialWorkflow"),
			"[cms] editorialWorkflow：Gitea 后端不支持编辑工作流（草稿 → 待审核 → 待发布），只有 GitLab 支持；请删去这一行，或改用 GitLab (editorial workflow needs GitLab)"))
	}
	return errs
}
