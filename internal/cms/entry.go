package cms

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/BurntSushi/toml"
)

// EntryFile writes an entry as the editor holds it (the fields decoded
// from JSON with UseNumber, the text under "body") as a content file:
// TOML front matter between +++ lines, then the body. Empty fields are
// left out, as an author leaves out a key.
func EntryFile(data map[string]any) ([]byte, error) {
	body, _ := data["body"].(string)
	meta := map[string]any{}
	for k, v := range data {
		if k == "body" {
			continue
		}
		if v = clean(v); v != nil {
			meta[k] = v
		}
	}
	var b bytes.Buffer
	b.WriteString("+++\n")
	if err := toml.NewEncoder(&b).Encode(meta); err != nil {
		return nil, fmt.Errorf("前言无法写成 TOML：%v", err)
	}
	b.WriteString("+++\n\n")
	b.WriteString(body)
	return b.Bytes(), nil
}

// clean turns JSON numbers into TOML integers or floats and drops empty
// values; it returns nil for a value that is left out.
func clean(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
		return x
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		var out []any
		for _, e := range x {
			if e = clean(e); e != nil {
				out = append(out, e)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if e = clean(e); e != nil {
				out[k] = e
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return v
}
