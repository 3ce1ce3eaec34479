package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/pledgegraph/pledgegraph/schema"
	"github.com/pledgegraph/pledgegraph/synth"
)

func init() {
	commands["synth"] = command{"write synthetic readouts for scale tests", runSynth}
}

// runSynth implements `pledgegraph synth --docs N --seed S --out DIR`.
func runSynth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docs := fs.Int("docs", 1000, "number of readouts")
	seed := fs.Uint64("seed", 1, "seed: the same seed writes the same corpus")
	out := fs.String("out", "", "directory to write the readouts into (created)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pledgegraph synth [--docs N] [--seed S] --out DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errUsage
	}
	if *out == "" || *docs < 1 || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	corpus := synth.Generate(*docs, *seed)
	if err := synth.Write(*out, corpus); err != nil {
		return schema.WrapError(schema.EINVALID, err, "write %s", *out)
	}
	var commitments, refs int
	for _, d := range corpus {
		commitments += len(d.Extraction.Commitments)
		refs += len(d.Extraction.References)
	}
	fmt.Fprintf(stdout, "wrote %d readouts to %s (seed %d): %d commitments, %d references to earlier meetings\n",
		len(corpus), *out, *seed, commitments, refs)
	return nil
}
