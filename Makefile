# fazhi — 两条命令：make（安装缺少的工具并构建示例门户）和 make test（安装测试所需工具并运行全部测试）。
# Two commands: `make` (install what is missing, build the bundled portal) and `make test`.

GO        ?= go
NOW       ?=
BIN       := bin/fazhi
NODE_MODS := node_modules/.package-lock.json
SASS      := node_modules/sass-embedded-linux-x64/dart-sass/sass
PAGEFIND  := node_modules/@pagefind/linux-x64/bin/pagefind_extended
DECAP     := node_modules/decap-cms/dist
PORT      ?= 1313
# S3 服务器 versitygw（测试 fazhi deploy/verify 用）：没有时由 make test 安装。
# versitygw, the S3 server the deploy and verify tests start; make test installs it when missing.
VERSITYGW ?= $(shell $(GO) env GOPATH)/bin/versitygw

# fazhi 只从环境变量、PATH 和 fazhi 程序旁边找 Dart Sass 和 Pagefind，从不运行站点文件夹里的程序；
# 本仓库自己也是一个站点，所以这里明确指向 npm 安装的固定版本（测试和 make 目标都用它们）。
# fazhi never runs a program from the site folder; point it at the pinned npm packages explicitly.
export FAZHI_DART_SASS ?= $(CURDIR)/$(SASS)
export FAZHI_PAGEFIND  ?= $(CURDIR)/$(PAGEFIND)
# 网页编辑器 Decap CMS（fazhi serve --cms）同样从固定版本的 npm 包取，从不从 CDN 加载。
# Decap CMS, the web editor of fazhi serve --cms: the pinned npm package, never a CDN.
export FAZHI_DECAP_CMS ?= $(CURDIR)/$(DECAP)

.PHONY: all build portal test test-short cross portable-identical css release serve cms bench lighthouse recall search-cost fuzz chromium tools versitygw clean

all: portal

# npm 包（Dart Sass、Pagefind、Decap CMS、axe-core、Nu Html Checker）按 package-lock.json 安装。
$(NODE_MODS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

tools: $(NODE_MODS)

$(VERSITYGW):
	GOBIN=$(dir $(VERSITYGW)) $(GO) install github.com/versity/versitygw/cmd/versitygw@v1.8.0

versitygw: $(VERSITYGW)

$(BIN): tools $(shell find . -name '*.go' -not -path './node_modules/*') go.mod go.sum $(shell find layouts assets static archetypes -type f)
	$(GO) build -o $(BIN) ./cmd/fazhi

build: $(BIN)

portal: $(BIN)
	./$(BIN) build $(if $(NOW),--now $(NOW))
	@echo
	@echo "示例门户已构建到 public/。预览：make serve，然后用浏览器打开 http://127.0.0.1:$(PORT)/"
	@echo "The portal is in public/. Preview it with: make serve"

serve: $(BIN)
	./$(BIN) serve --port $(PORT)

# 预览并用网页编辑器编辑示例门户：打开 http://127.0.0.1:$(PORT)/admin/
cms: $(BIN)
	./$(BIN) serve --cms --port $(PORT)

# 浏览器测试用 Debian 的 chromium；以 root 运行时自动安装。
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "安装 chromium (installing Debian chromium)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "需要 chromium：请运行 sudo apt-get install -y chromium (chromium is needed for browser tests)"; exit 1; \
	  fi; \
	fi

# 第二遍以 portable 标记运行测试：选用 Windows、macOS 所用的可移植实现代替 Linux 快速路径。
# The second pass runs the whole product suite with the portable fallbacks (build tag "portable") instead of the Linux fast paths.
# 测量程序和浏览器测试在 tools/ 模块（自己的 go.mod，chromedp 只在那里）；两个模块的测试都运行。
# The measurement programs and browser tests are the tools/ module (its own go.mod); both modules are tested.
test: tools chromium versitygw cross
	$(GO) vet ./...
	$(GO) -C tools vet ./...
	FAZHI_VERSITYGW=$(VERSITYGW) $(GO) test -count=1 -timeout 20m ./...
	$(GO) -C tools test -count=1 -timeout 20m ./...
	FAZHI_VERSITYGW=$(VERSITYGW) $(GO) test -tags portable -count=1 -timeout 20m ./...
	$(MAKE) --no-print-directory portable-identical

# 默认主题编译好的 CSS（theme.css）随程序发布；改了 assets/scss 后运行 make css 重新生成。
# Regenerates theme.css, the default theme's compiled CSS shipped in the binary, with the pinned Dart Sass.
css: tools
	$(GO) run ./internal/scss/cmd/themecss

# 发布包：每个平台一个压缩包（Windows 为 zip，其余为 tar.gz），内含 fazhi 和同平台的 Pagefind，写到 dist/。
# Release archives in dist/: fazhi and, where npm can fetch it, the matching Pagefind beside it.
VERSION ?=
release:
	$(GO) run ./internal/release/cmd/release -out dist $(if $(VERSION),-version $(VERSION))

# 为四个平台交叉编译 fazhi（不用 cgo），证明它们都能构建。Cross-builds the four release platforms.
PLATFORMS := linux/amd64 linux/arm64 windows/amd64 darwin/arm64
cross:
	@for p in $(PLATFORMS); do \
	  echo "go build ./cmd/fazhi for $$p"; \
	  CGO_ENABLED=0 GOOS=$${p%/*} GOARCH=$${p#*/} $(GO) build -o /dev/null ./cmd/fazhi || exit 1; \
	done

# 示例门户分别用 Linux 快速路径和可移植实现构建，两份输出必须逐字节相同。
# The bundled portal built through the portable fallbacks must equal the fast-path build byte for byte.
PORTABLE_NOW := 2026-03-01T09:00:00+08:00
portable-identical: tools
	@mkdir -p bin
	$(GO) build -o bin/fazhi-fast ./cmd/fazhi
	$(GO) build -tags portable -o bin/fazhi-portable ./cmd/fazhi
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	for b in fast portable; do \
	  FAZHI_CACHE_DIR=off ./bin/fazhi-$$b build -d "$$tmp/$$b" --now $(PORTABLE_NOW) >"$$tmp/$$b.log" 2>&1 || { cat "$$tmp/$$b.log"; exit 1; }; \
	done && \
	diff -r "$$tmp/fast" "$$tmp/portable" && \
	echo "portable build identical to the fast-path build: $$(find "$$tmp/fast" -type f | wc -l) files"

test-short:
	$(GO) test -short -count=1 ./...
	$(GO) -C tools test -short -count=1 ./...

# 全部测量要几个小时（5 万页、打开搜索、1 万部法规）；每一步也可以单独运行，命令见 docs/benchmarks.md 各节。
# The whole run takes hours; each step can be run alone (see docs/benchmarks.md).
bench: tools chromium
	$(GO) -C tools run ./bench/cmd/fazhi-bench -out ../docs/benchmarks.md
	# 构建缓存：全新、不变、改一页、--now 前进一步的墙钟、CPU 和进程树峰值内存，打印比值 (build cache ratios, issue 16)
	$(GO) -C tools run ./bench/cmd/cache-bench -out ../docs/benchmarks.md
	$(GO) -C tools run ./bench/cmd/cache-bench -search-only -part search -out ../docs/benchmarks.md
	# 搜索：分批索引的进程树峰值内存、召回率、首次查询；双字索引的对照 (search memory, recall and first query; the bigram alternative)
	$(GO) -C tools run ./search/cmd/searchscale -out ../docs/benchmarks.md
	$(GO) -C tools run ./search/cmd/searchalt -out ../docs/benchmarks.md

# Lighthouse 与搜索召回率的数字写入 docs/benchmarks.md（在繁忙的共享机器上数字会偏低，不作为 CI 关卡）。
lighthouse: tools chromium
	$(GO) -C tools run ./browsertest/cmd/lighthouse

recall: tools chromium
	$(GO) -C tools run ./search/cmd/recall

search-cost: tools chromium
	$(GO) -C tools run ./search/cmd/searchcost
	$(GO) -C tools run ./search/cmd/searchcost -node

FUZZTIME ?= 30s
fuzz:
	@for p in $$($(GO) list ./internal/...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$p | grep '^Fuzz'); do \
	    echo "== $$p $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$p || exit 1; \
	  done; \
	done

clean:
	rm -rf bin public
