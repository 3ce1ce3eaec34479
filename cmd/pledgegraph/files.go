package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pledgegraph/pledgegraph/schema"
)

// readableExts are the file kinds ingest reads when walking a directory.
var readableExts = map[string]bool{".txt": true, ".html": true, ".htm": true, ".json": true}

// collectFiles expands paths into the readout files they name: a file as
// given, a directory recursively (.txt, .html, .htm, .json; README.md and
// hidden files skipped), in lexical order so runs are reproducible.
func collectFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, schema.WrapError(schema.EINVALID, err, "%s: no such file or directory", p)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && readableExts[strings.ToLower(filepath.Ext(name))] && !strings.HasSuffix(name, ".gold.json") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, schema.WrapError(schema.EINVALID, err, "read directory %s", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// fileFailure is the message for a file that failed, after its path: the
// error's message without the path when the error names it already
// (ingest.Decode's do: "x.json: not a readout JSON object").
func fileFailure(path string, err error) string {
	return strings.TrimPrefix(schema.ErrorMessage(err), path+": ") + causeSuffix(err)
}
