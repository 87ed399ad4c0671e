package build_test

import "github.com/fazhi-dev/fazhi/internal/build"

type buildOptions = build.Options
