package api

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/pledgegraph/pledgegraph/schema"
)

// availability keeps requests from waiting on a Neo4j that is known to be
// down. The driver retries a refused connection for as long as the request
// allows, so the first request after an outage waits; once a store call has
// failed as unavailable, the next requests first ask Ping, which fails at
// once, and answer 503 without queuing behind the driver's retries. When
// Ping answers again the gate opens: the driver reconnects by itself.
type availability struct {
	store interface{ Ping(context.Context) error }
	down  atomic.Bool // a store call failed as unavailable since the last success
}

func newAvailability(store interface{ Ping(context.Context) error }) *availability {
	return &availability{store: store}
}

// check returns an EUNAVAILABLE error when Neo4j is believed down and
// still does not answer.
func (a *availability) check(ctx context.Context) error {
	if !a.down.Load() {
		return nil
	}
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := a.store.Ping(pctx); err != nil {
		return err
	}
	a.down.Store(false)
	return nil
}

// observe records the outcome of a store call.
func (a *availability) observe(err error) {
	switch {
	case schema.ErrorCode(err) == schema.EUNAVAILABLE:
		a.down.Store(true)
	case err == nil && a.down.Load():
		a.down.Store(false)
	}
}
