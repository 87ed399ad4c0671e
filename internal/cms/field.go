// Package cms generates the web editor for authors: Decap CMS's
// admin/index.html and admin/config.yml, from fazhi's content model. The
// fields come from the front-matter struct the parser decodes into
// (frontmatter.Meta), the closed lists from package legal and package
// site, and the identifier patterns from legal's Pattern values, so the
// form asks for exactly what fazhi check accepts; a test fails when the
// parser learns a key or a value the editor lacks.
package cms

// Field is one field of a Decap CMS collection. Decap treats a field as
// required unless it says required: false, so Required is always written.
type Field struct {
	Label         string   `json:"label"`
	Name          string   `json:"name"`
	Widget        string   `json:"widget"`
	Required      bool     `json:"required"`
	Hint          string   `json:"hint,omitempty"`
	Pattern       []string `json:"pattern,omitempty"`
	Options       []string `json:"options,omitempty"`
	Multiple      bool     `json:"multiple,omitempty"`
	Default       any      `json:"default,omitempty"`
	Format        string   `json:"format,omitempty"`
	DateFormat    any      `json:"date_format,omitempty"`
	TimeFormat    any      `json:"time_format,omitempty"`
	ValueType     string   `json:"value_type,omitempty"`
	Collection    string   `json:"collection,omitempty"`
	SearchFields  []string `json:"search_fields,omitempty"`
	ValueField    string   `json:"value_field,omitempty"`
	DisplayFields []string `json:"display_fields,omitempty"`
	Modes         []string `json:"modes,omitempty"`
	Collapsed     bool     `json:"collapsed,omitempty"`
	Field         *Field   `json:"field,omitempty"`
	Fields        []Field  `json:"fields,omitempty"`
}

// Collection is a Decap CMS collection: a column's folder, or the
// columns' own _index.md files.
type Collection struct {
	Name                 string      `json:"name"`
	Label                string      `json:"label"`
	LabelSingular        string      `json:"label_singular,omitempty"`
	Description          string      `json:"description,omitempty"`
	Folder               string      `json:"folder,omitempty"`
	Create               bool        `json:"create,omitempty"`
	Delete               *bool       `json:"delete,omitempty"`
	Extension            string      `json:"extension,omitempty"`
	Format               string      `json:"format"`
	FrontmatterDelimiter string      `json:"frontmatter_delimiter"`
	Slug                 string      `json:"slug,omitempty"`
	Path                 string      `json:"path,omitempty"`
	MediaFolder          *string     `json:"media_folder,omitempty"`
	PublicFolder         *string     `json:"public_folder,omitempty"`
	Summary              string      `json:"summary,omitempty"`
	SortableFields       []string    `json:"sortable_fields,omitempty"`
	Preview              *bool       `json:"-"`
	Files                []File      `json:"files,omitempty"`
	Fields               []Field     `json:"fields,omitempty"`
	Editor               *EditorConf `json:"editor,omitempty"`
}

// EditorConf is a collection's editor setting.
type EditorConf struct {
	Preview bool `json:"preview"`
}

// File is one file of a files collection.
type File struct {
	Label  string  `json:"label"`
	Name   string  `json:"name"`
	File   string  `json:"file"`
	Fields []Field `json:"fields"`
}

// Backend is the backend section of config.yml.
type Backend struct {
	Name      string `json:"name"`
	ProxyURL  string `json:"proxy_url,omitempty"`
	Repo      string `json:"repo,omitempty"`
	Branch    string `json:"branch,omitempty"`
	BaseURL   string `json:"base_url,omitempty"`
	APIRoot   string `json:"api_root,omitempty"`
	AuthType  string `json:"auth_type,omitempty"`
	AppID     string `json:"app_id,omitempty"`
	CommitMsg any    `json:"commit_messages,omitempty"`
}

// Config is Decap CMS's config.yml. It is written as JSON, which is YAML.
type Config struct {
	Backend      Backend      `json:"backend"`
	PublishMode  string       `json:"publish_mode,omitempty"`
	Locale       string       `json:"locale"`
	SiteURL      string       `json:"site_url,omitempty"`
	DisplayURL   string       `json:"display_url,omitempty"`
	MediaFolder  string       `json:"media_folder"`
	PublicFolder string       `json:"public_folder"`
	Slug         SlugConf     `json:"slug"`
	Collections  []Collection `json:"collections"`
}

// SlugConf is how Decap makes file names from the slug field.
type SlugConf struct {
	Encoding            string `json:"encoding"`
	CleanAccents        bool   `json:"clean_accents"`
	SanitizeReplacement string `json:"sanitize_replacement"`
}
