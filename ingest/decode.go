package ingest

import (
	"bytes"
	"encoding/json"
	"mime"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pledgegraph/pledgegraph/schema"
)

// Decode turns raw bytes into an Input: a .txt with optional `key value`
// header lines, an HTML page, or the API's JSON object {"text", "title",
// "source_url", "published"}. name (a path or URL) becomes Source and, with
// contentType (may be ""), tells the format; failing both, the bytes do.
// Invalid UTF-8 is repaired (each bad byte becomes U+FFFD), and offsets then
// refer to the repaired text. Input over MaxInputSize is refused with
// ETOOLARGE; JSON that does not decode is EINVALID.
func Decode(name string, data []byte, contentType string) (Input, error) {
	if len(data) > MaxInputSize {
		return Input{}, schema.Errorf(schema.ETOOLARGE, "%s: input is %d bytes, over the limit of %d", displayName(name), len(data), MaxInputSize)
	}
	in := Input{Source: name, Format: guessFormat(name, contentType, data)}
	switch in.Format {
	case FormatJSON:
		var doc struct {
			Text      string `json:"text"`
			Title     string `json:"title"`
			SourceURL string `json:"source_url"`
			Published string `json:"published"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return Input{}, schema.WrapError(schema.EINVALID, err, "%s: not a readout JSON object", displayName(name))
		}
		// encoding/json already replaced invalid UTF-8 with U+FFFD.
		in.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
		in.Title = strings.TrimSpace(doc.Title)
		in.SourceURL = strings.TrimSpace(doc.SourceURL)
		in.Published = parsePublished(doc.Published)
	case FormatHTML:
		page := parseHTML(repairUTF8(data))
		in.Text, in.Title, in.SourceURL, in.Published = page.text, page.title, page.url, page.published
	default:
		in.Text = repairUTF8(data)
	}
	// Header lines fill what the container left empty.
	h := parseHeader(in.Text)
	if in.Title == "" {
		in.Title = h.title
	}
	if in.SourceURL == "" {
		in.SourceURL = h.source
	}
	if in.Published.IsZero() {
		in.Published = h.date
	}
	if in.Published.IsZero() {
		in.Published = urlDate(in.SourceURL)
	}
	return in, nil
}

// urlPathDate is a full date as a news site's address gives it:
// "/2026-02-24/", "/2026/02/24/", "/20260224/".
var urlPathDate = regexp.MustCompile(`/((?:19|20)\d\d)[-/]?(\d\d)[-/]?(\d\d)(?:/|$)`)

// urlDate returns the publication date a page's address gives
// ("news.cgtn.com/news/2026-02-24/Wang-Yi-holds-..."), "" when it gives
// none or only a month ("/2026/10/").
func urlDate(u string) schema.Date {
	m := urlPathDate.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	d, err := schema.ParseDate(m[1] + "-" + m[2] + "-" + m[3])
	if err != nil || d.Precision() != schema.PrecisionDay {
		return ""
	}
	return d
}

func displayName(name string) string {
	if name == "" {
		return "input"
	}
	return name
}

// repairUTF8 returns data as a valid UTF-8 string, each invalid byte
// replaced by U+FFFD (so a repaired file keeps one character per bad byte).
func repairUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[:size])
		}
		data = data[size:]
	}
	return b.String()
}

func guessFormat(name, contentType string, data []byte) Format {
	base := name
	if i := strings.IndexAny(base, "?#"); i >= 0 {
		base = base[:i]
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".txt", ".text":
		return FormatText
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch {
		case mt == "text/html" || mt == "application/xhtml+xml":
			return FormatHTML
		case mt == "application/json" || strings.HasSuffix(mt, "+json"):
			return FormatJSON
		case strings.HasPrefix(mt, "text/"):
			return FormatText
		}
	}
	head := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(head) > 512 {
		head = head[:512]
	}
	switch {
	case len(head) > 0 && head[0] == '{':
		return FormatJSON
	case looksLikeHTML(head):
		return FormatHTML
	}
	return FormatText
}

func looksLikeHTML(head []byte) bool {
	l := bytes.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<div", "<article"} {
		if bytes.HasPrefix(l, []byte(p)) {
			return true
		}
	}
	return false
}

// parsePublished reads a publication date in the forms feeds and pages use:
// 2023-05-17, 2023-05-17T10:00:00Z, 2023/05/17, "May 17, 2023".
func parsePublished(s string) schema.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if d, err := schema.ParseDate(s); err == nil {
		return d
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006/01/02", "January 2, 2006", "Jan 2, 2006", "2 January 2006", time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			return schema.DayDate(t)
		}
	}
	if len(s) >= 10 {
		if d, err := schema.ParseDate(s[:10]); err == nil {
			return d
		}
	}
	return ""
}
