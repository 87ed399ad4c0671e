package fazhi

import "embed"

// CI holds the example CI pipelines and the publishing script they call,
// which `fazhi init` copies into a new site.
//
//go:embed docs/ci/github-actions.yml docs/ci/gitlab-ci.yml docs/ci/publish.sh
var CI embed.FS
