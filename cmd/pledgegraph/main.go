// Command pledgegraph extracts commitments from meeting readouts, writes them
// into Neo4j and serves the graph over HTTP.
//
//	pledgegraph serve                   serve the HTTP API
//	pledgegraph migrate                 apply the graph's constraints and indexes
//	pledgegraph ingest PATH...          extract and store readouts
//	pledgegraph extract [--json] PATH...  extract without storing
//	pledgegraph synth --docs N --seed S   write synthetic readouts
//	pledgegraph bench-api               load-test the query API against a synthetic graph
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/pledgegraph/pledgegraph/schema"
)

// command is one subcommand. run gets the arguments after the subcommand's
// name; it returns an error to print as one line and exit non-zero.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

// errUsage marks an error whose message is the usage text.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "pledgegraph:", schema.ErrorMessage(err)+causeSuffix(err))
		}
		os.Exit(1)
	}
}

// causeSuffix returns the cause of an expected error only when it adds
// information; internal errors print their cause, since the CLI user is the
// operator.
func causeSuffix(err error) string {
	var se *schema.Error
	if errors.As(err, &se) {
		return ""
	}
	return ": " + err.Error()
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return schema.Errorf(schema.EINVALID, "unknown command %q", args[0])
	}
	return cmd.run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: pledgegraph COMMAND [ARGS]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'pledgegraph COMMAND -h' for a command's flags. Configuration comes from the environment; see README.md.")
}
