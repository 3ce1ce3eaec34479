package schema

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The HTTP layer maps each code to one
// status in a single table; the CLI prints the message.
const (
	EINVALID      = "invalid"     // bad input: a parameter, a document, a query
	ENOTFOUND     = "not_found"   // no such id
	ECONFLICT     = "conflict"    // the store refused a write that contradicts what it holds
	ETOOLARGE     = "too_large"   // input over a size limit
	EUNAVAILABLE  = "unavailable" // a dependency (Neo4j) cannot be reached
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	EINTERNAL     = "internal"
)

// Error is an error with a code and a message that is safe to show a client.
// Err, the cause, is for logs only.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WrapError returns an *Error with code and message whose cause is err.
func WrapError(code string, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the message of its
// first *Error, or a generic one for anything else, so internals never leak.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
