#!/bin/sh
# fazhi 发布脚本：发布前检查、签名构建、发布、核对公众看到的网站。
# GitHub Actions（github-actions.yml）和 GitLab CI（gitlab-ci.yml）都调用它，也可以在服务器上手工运行。
# The publishing script both pipelines call: check, signed build, deploy, verify.
#
# 用法 Usage:  sh ci/publish.sh            检查、构建、发布、核对
#              sh ci/publish.sh --no-deploy  只检查和构建（合并请求用）
#
# 环境变量 Environment:
#   FAZHI                  fazhi 程序，默认 PATH 中的 fazhi
#   SITE_DIR               站点文件夹（有 site.toml 的文件夹），默认当前文件夹
#   FAZHI_SIGNING_KEY      清单签名私钥（fazhi keygen 生成的 .key 文件内容），设为 CI 的加密变量
#   DEPLOY_TARGET          发布目标，默认 site.toml 中 [deploy] target
#   AWS_ACCESS_KEY_ID      对象存储访问密钥（加密变量）
#   AWS_SECRET_ACCESS_KEY  对象存储访问密钥（加密变量）
#   PUBLIC_URL             公众访问的网址，如 https://fzj.example.gov.cn/ ；设了就通过 HTTP 核对，否则核对发布目标
#   PURGE_LIST             写出需要 CDN 刷新的网址的文件，默认 purge-urls.txt
#   PURGE_COMMAND          刷新 CDN 的命令（可选），在核对之前运行，文件名作为 $1 传入
#   FAZHI_NOW              构建时间（测试用），默认当前时间
set -eu

# fazhi 命令：$FAZHI 指定的程序，否则 PATH 中的 fazhi。
fazhi() { command "${FAZHI:-fazhi}" "$@"; }
site=${SITE_DIR:-.}
purge=${PURGE_LIST:-purge-urls.txt}

fazhi version

echo "== 发布前检查 check"
fazhi check -s "$site"

echo "== 签名构建 build"
if [ -z "${FAZHI_SIGNING_KEY:-}" ]; then
	echo "警告：没有设置 FAZHI_SIGNING_KEY，清单不签名 (manifest not signed)" >&2
fi
fazhi build -s "$site" ${FAZHI_NOW:+--now "$FAZHI_NOW"}

if [ "${1:-}" = "--no-deploy" ]; then
	exit 0
fi

echo "== 发布 deploy"
fazhi deploy -s "$site" ${DEPLOY_TARGET:+--target "$DEPLOY_TARGET"} --purge-list "$purge"

if [ -n "${PURGE_COMMAND:-}" ] && [ -s "$purge" ]; then
	echo "== 刷新 CDN (purge)"
	sh -c "$PURGE_COMMAND" purge "$purge"
fi

echo "== 核对 verify"
if [ -n "${PUBLIC_URL:-}" ]; then
	fazhi verify -s "$site" --url "$PUBLIC_URL"
else
	fazhi verify -s "$site" ${DEPLOY_TARGET:+--target "$DEPLOY_TARGET"}
fi
