package ingest

import "github.com/pledgegraph/pledgegraph/schema"

// ExtractBytes decodes one readout (see Decode) and extracts it: the one
// call the CLI, the HTTP API and the tests make for raw input.
func ExtractBytes(name string, data []byte, contentType string) (*schema.Extraction, error) {
	in, err := Decode(name, data, contentType)
	if err != nil {
		return nil, err
	}
	return Extract(in)
}
