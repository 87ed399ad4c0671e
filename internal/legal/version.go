package legal

import "time"

// CurrentVersion marks, in the list of versions of a revised document
// (历次版本), the newest version in force.
const CurrentVersion = "现行版本"

// VersionNoteKind is what a version of a revised document says at its top
// about the other versions.
type VersionNoteKind int

// The notes a version shows.
const (
	// NoteNone: the version says nothing (the only or the current one).
	NoteNone VersionNoteKind = iota
	// NoteRevised is on an older version once a newer one is in force:
	// 本文件已被修订，现行版本：《…》（…起施行）.
	NoteRevised
	// NotePending is on the current version when a newer text has been
	// published but is not yet in force: 已公布修订文本《…》，将于…起施行.
	NotePending
	// NoteNotYet is on a version that is not yet in force while an older
	// one is: 在此之前适用现行版本《…》（…起施行）.
	NoteNotYet
)

// Class returns the kind as an ASCII word for layouts: revised, pending,
// not-yet; "" for NoteNone.
func (k VersionNoteKind) Class() string {
	return [...]string{"", "revised", "pending", "not-yet"}[k]
}

// VersionNote is the note at the top of a version of a revised document.
// Ref is the version it points to, Since that version's 施行日期.
type VersionNote struct {
	Kind  VersionNoteKind
	Ref   Ref
	Since time.Time
}

// Parts returns the note in three pieces, so that a page can link the
// cited title: lead + cite + tail is the sentence; all are "" for
// NoteNone.
func (n VersionNote) Parts() (lead, cite, tail string) {
	cite = n.Ref.cite()
	since := ""
	if !n.Since.IsZero() {
		since = dateCN(n.Since) + "起施行"
	}
	switch n.Kind {
	case NoteRevised:
		if since != "" {
			tail = "（" + since + "）"
		}
		return "本文件已被修订，现行版本：", cite, tail
	case NotePending:
		if since != "" {
			tail = "，将于" + since
		}
		return "已公布修订文本", cite, tail
	case NoteNotYet:
		if since != "" {
			tail = "（" + since + "）"
		}
		return "本文本尚未施行，在此之前适用现行版本：", cite, tail
	}
	return "", "", ""
}

// String returns the note as one sentence.
func (n VersionNote) String() string {
	lead, cite, tail := n.Parts()
	return lead + cite + tail
}
