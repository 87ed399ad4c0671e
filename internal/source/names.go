package source

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// The rules in this file say which file and folder names can exist on
// every system an author or a server may use. A site is written on Windows
// PCs, kept in version control and built on Linux: a name that Linux
// accepts but Windows does not (aux.md, 通知?.md, a name ending in a dot)
// cannot be checked out or copied to an author's PC, and two names that
// differ only in case (Notice.md and notice.md) are one file on Windows
// and macOS, so one would silently replace the other. Every such name is
// refused wherever fazhi reads or writes one, the same way on every
// system.

// reservedNames are the device names of Windows: a file named so, with
// any extension (NUL.txt, aux.md), opens the device instead.
var reservedNames = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
	"COM0": true, "COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"COM¹": true, "COM²": true, "COM³": true,
	"LPT0": true, "LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
	"LPT¹": true, "LPT²": true, "LPT³": true,
}

// forbiddenChars cannot appear in a Windows file name.
const forbiddenChars = `<>:"|?*\`

// NameProblem reports why the single file or folder name cannot be used on
// Windows or macOS, in Chinese with what to do instead, or "" when it can.
func NameProblem(name string) string {
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return "名字「" + quoteName(name) + "」含有控制字符，在 Windows 上无法保存：请重新输入这个名字 (control character in a file name)"
		}
		if strings.ContainsRune(forbiddenChars, r) {
			return "名字「" + name + "」含有「" + string(r) + "」，Windows 不允许文件名含有 \\ / : * ? \" < > | 这些字符：请换成「-」或删去 (character not allowed in Windows file names)"
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return "名字「" + name + "」以点或空格结尾，Windows 会把它们去掉，于是变成另一个文件：请删去结尾的点和空格 (name ends in a dot or space)"
	}
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.TrimRight(stem, " ")
	if reservedNames[strings.ToUpper(stem)] {
		return "「" + stem + "」是 Windows 保留的设备名，名为「" + name + "」的文件在 Windows 上无法打开或复制：请改一个名字，如「" + stem + "-1" + strings.TrimPrefix(name, name[:len(stem)]) + "」 (reserved name on Windows)"
	}
	return ""
}

// PathProblem checks every segment of a slash-separated relative path with
// NameProblem and returns the first problem, or "".
func PathProblem(rel string) string {
	for _, seg := range strings.Split(rel, "/") {
		if why := NameProblem(seg); why != "" {
			return why
		}
	}
	return ""
}

// FoldName returns the key under which Windows and macOS see two paths as
// the same file: case folded, and in Unicode normal form C (macOS does not
// tell composed from decomposed characters apart).
func FoldName(p string) string {
	if isLowerASCII(p) {
		return p
	}
	return cases.Fold().String(norm.NFC.String(p)) // a Caser is not safe for concurrent use
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= 0x80 || ('A' <= b && b <= 'Z') {
			return false
		}
	}
	return true
}

// CaseCollision says that name is the same file as first on Windows and
// macOS, in Chinese with what to do instead. Both are paths as the author
// sees them (such as content/zhengce/A.md).
func CaseCollision(name, first string) string {
	return "「" + name + "」和「" + first + "」的名字只有大小写（或字形编码）不同，在 Windows 和 macOS 上是同一个文件，一个会覆盖另一个：请给其中一个改名 (names differ only in case)"
}

// Folds finds names that are the same file on Windows and macOS. Add
// returns the earlier name that p collides with, or "".
type Folds map[string]string

// Add records p and returns an earlier path with the same folded key, or "".
func (f Folds) Add(p string) string {
	k := FoldName(p)
	if prev, ok := f[k]; ok && prev != p {
		return prev
	}
	f[k] = p
	return ""
}

func quoteName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			b.WriteString("�")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
