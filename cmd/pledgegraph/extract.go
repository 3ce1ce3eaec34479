package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pledgegraph/pledgegraph/ingest"
	"github.com/pledgegraph/pledgegraph/schema"
)

func init() {
	commands["extract"] = command{
		summary: "extract meetings and commitments from readouts without storing them",
		run:     runExtract,
	}
}

// runExtract implements `pledgegraph extract [--json] FILE|DIR...`. A file
// that cannot be read or decoded is reported on stderr and skipped; the
// command then exits non-zero after the others are done.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per document per line (the form score.py reads)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pledgegraph extract [--json] FILE|DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	files, err := collectFiles(fs.Args())
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	failed := 0
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		x, err := extractFile(path)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "pledgegraph: %s: %s\n", path, fileFailure(path, err))
			continue
		}
		if *asJSON {
			b, err := json.Marshal(toScoreJSON(x))
			if err != nil {
				return fmt.Errorf("encode %s: %w", path, err)
			}
			w.Write(b)
			w.WriteByte('\n')
			continue
		}
		writeSummary(w, x)
	}
	if failed > 0 {
		return schema.Errorf(schema.EINVALID, "%d of %d files could not be extracted", failed, len(files))
	}
	return nil
}

// extractFile reads, decodes, extracts and validates one readout.
func extractFile(path string) (*schema.Extraction, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, schema.WrapError(schema.EINVALID, err, "cannot read file")
	}
	if info.Size() > ingest.MaxInputSize {
		return nil, schema.Errorf(schema.ETOOLARGE, "file is %d bytes, over the limit of %d", info.Size(), ingest.MaxInputSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, schema.WrapError(schema.EINVALID, err, "cannot read file")
	}
	x, err := ingest.ExtractBytes(path, data, "")
	if err != nil {
		return nil, err
	}
	if err := x.Validate(); err != nil {
		return nil, fmt.Errorf("extraction of %s is invalid: %w", path, err)
	}
	return x, nil
}

// scoreJSON is an Extraction as score.py reads it: the schema's JSON, with
// a meeting's unknown city as null.
type scoreJSON struct {
	*schema.Extraction
	Meeting scoreMeeting `json:"meeting"`
}

type scoreMeeting struct {
	schema.Meeting
	City *string `json:"city"`
}

func toScoreJSON(x *schema.Extraction) scoreJSON {
	m := scoreMeeting{Meeting: x.Meeting}
	if x.Meeting.City != "" {
		c := x.Meeting.City
		m.City = &c
	}
	return scoreJSON{Extraction: x, Meeting: m}
}

// writeSummary prints a readable account of one extraction.
func writeSummary(w io.Writer, x *schema.Extraction) {
	m := x.Meeting
	fmt.Fprintf(w, "== %s (%s)\n", x.Source, x.Document.ID)
	if x.Document.Title != "" {
		fmt.Fprintf(w, "   title:    %s\n", x.Document.Title)
	}
	place := strings.Trim(strings.Join([]string{m.City, m.Country}, ", "), ", ")
	fmt.Fprintf(w, "   meeting:  %s  %s  %s  parties %s\n", orDash(string(m.Date)), orDash(place), orDash(string(m.Kind)), orDash(strings.Join(m.Parties, ",")))
	if m.Occasion != "" {
		fmt.Fprintf(w, "   occasion: %s\n", m.Occasion)
	}
	for _, p := range m.Participants {
		kind := "present"
		if p.Principal {
			kind = "principal"
		}
		fmt.Fprintf(w, "   person:   %s (%s, %s, %s)\n", p.Name, orDash(p.Role), orDash(p.Country), kind)
	}
	for _, r := range x.References {
		fmt.Fprintf(w, "   earlier:  %s %s %s  %q\n", orDash(string(r.Date)), orDash(r.City), orDash(r.Country), r.Text)
	}
	for i, c := range x.Commitments {
		fmt.Fprintf(w, "   %2d. [%s] %s -> %s  %s  (%s)\n", i+1, c.Modality, strings.Join(c.Actors, ","), orDash(strings.Join(c.Counterparts, ",")), c.Text, strings.Join(c.Topics, ","))
		for _, e := range c.Entities {
			fmt.Fprintf(w, "       entity: %s [%s] %s\n", e.Name, e.Kind, strings.Join(e.Aliases, "; "))
		}
	}
	for _, warn := range x.Warnings {
		fmt.Fprintf(w, "   warning:  %s\n", warn)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
