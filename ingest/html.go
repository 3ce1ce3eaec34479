package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pledgegraph/pledgegraph/schema"
)

// htmlPage is what a readout page yields: its text, one paragraph per block
// element separated by blank lines, and what its head says about it.
type htmlPage struct {
	text, title, url string
	published        schema.Date
}

// skipped are elements whose content is never readout text: code, styling,
// navigation and page furniture.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Head: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Figure: false,
}

// furnitureWords mark, in an element's class or id, page furniture that
// news sites put beside the article inside ordinary elements: related
// articles, sharing, tags, comments, cookie banners (the markers content
// extractors such as Readability treat as unlikely content).
var furnitureWords = makeSet(`related share sharing social breadcrumb breadcrumbs comment comments cookie cookies
newsletter sidebar menu pagination pager tags subscribe subscription promo banner gdpr popup
nav navbar navigation footer masthead topbar toolbar`)

// furniture reports whether element n is page furniture by its class or id:
// one of their words, split at spaces, hyphens and underscores, is a
// furnitureWords word.
func furniture(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
			if furnitureWords[w] {
				return true
			}
		}
	}
	return false
}

// blocks are elements that end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Dd: true, atom.Dt: true,
	atom.Figcaption: true, atom.Pre: true, atom.Hr: true, atom.Address: true,
}

// parseHTML extracts a page's readout text. The first <h1> is the title and
// is left out of the text; <title> and og:title are fallbacks for it.
func parseHTML(src string) htmlPage {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil { // html.Parse only fails on reader errors
		return htmlPage{text: src}
	}
	var (
		page                 htmlPage
		docTitle, ogTitle    string
		h1                   string
		paras                []string
		cur                  strings.Builder
		canonical, ogURL     string
		publishedMeta, tTime string
		ldDate               string // JSON-LD datePublished
	)
	flush := func() {
		if s := collapseSpace(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if ldDate == "" && strings.EqualFold(attr(n, "type"), "application/ld+json") {
					ldDate = linkedDataPublished(scriptText(n))
				}
				return
			case atom.Title:
				if docTitle == "" {
					docTitle = collapseSpace(nodeText(n))
				}
				return
			case atom.Meta:
				readMeta(n, &ogTitle, &ogURL, &publishedMeta)
				return
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
				return
			case atom.Time:
				if tTime == "" {
					tTime = attr(n, "datetime")
				}
			case atom.H1:
				if h1 == "" {
					h1 = collapseSpace(nodeText(n))
					flush()
					return
				}
			}
			if skipped[n.DataAtom] && n.DataAtom != atom.Head || furniture(n) {
				return
			}
			if n.DataAtom == atom.Head {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && (c.DataAtom == atom.Title || c.DataAtom == atom.Meta || c.DataAtom == atom.Link || c.DataAtom == atom.Script) {
						walk(c)
					}
				}
				return
			}
			if blocks[n.DataAtom] {
				flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blocks[n.DataAtom] {
			flush()
		}
	}
	walk(root)
	flush()
	for _, t := range []string{h1, ogTitle, docTitle} {
		if t != "" {
			page.title = t
			break
		}
	}
	if len(paras) > 1 && (paras[0] == page.title || paras[0] == ogTitle || docTitle != "" && strings.HasPrefix(docTitle, paras[0])) {
		// a headline set in a <div> rather than an <h1>: the title,
		// not text
		paras = paras[1:]
	}
	page.text = strings.Join(paras, "\n\n")
	for _, u := range []string{canonical, ogURL} {
		if u != "" {
			page.url = strings.TrimSpace(u)
			break
		}
	}
	for _, d := range []string{publishedMeta, ldDate, tTime} {
		if p := parsePublished(d); p != "" {
			page.published = p
			break
		}
	}
	return page
}

func readMeta(n *html.Node, ogTitle, ogURL, published *string) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	if key == "" {
		key = strings.ToLower(attr(n, "itemprop"))
	}
	content := strings.TrimSpace(attr(n, "content"))
	switch key {
	case "og:title", "twitter:title":
		if *ogTitle == "" {
			*ogTitle = content
		}
	case "og:url":
		*ogURL = content
	case "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
		"dc.date.issued", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date":
		if *published == "" {
			*published = content
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// scriptText is the content of a script element, one raw text node.
func scriptText(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.Type == html.TextNode {
		return c.Data
	}
	return ""
}

// linkedDataPublished reads datePublished from a page's JSON-LD, where news
// sites that set no publication meta tag date their articles: an object, a
// list of objects, or an "@graph" of them. "" when there is none.
func linkedDataPublished(src string) string {
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return ""
	}
	var find func(v any) string
	find = func(v any) string {
		switch v := v.(type) {
		case map[string]any:
			if d, ok := v["datePublished"].(string); ok && d != "" {
				return d
			}
			if g, ok := v["@graph"]; ok {
				return find(g)
			}
		case []any:
			for _, e := range v {
				if d := find(e); d != "" {
					return d
				}
			}
		}
		return ""
	}
	return find(v)
}
