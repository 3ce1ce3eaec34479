package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/pledgegraph/pledgegraph/schema"
)

// statusOf maps each error code to one HTTP status.
var statusOf = map[string]int{
	schema.EINVALID:      http.StatusBadRequest,
	schema.ENOTFOUND:     http.StatusNotFound,
	schema.ECONFLICT:     http.StatusConflict,
	schema.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	schema.EUNAVAILABLE:  http.StatusServiceUnavailable,
	schema.EUNAUTHORIZED: http.StatusUnauthorized,
	schema.EFORBIDDEN:    http.StatusForbidden,
	codeMethod:           http.StatusMethodNotAllowed,
	schema.EINTERNAL:     http.StatusInternalServerError,
}

// codeMethod is an HTTP-only code: the route exists, the method does not.
const codeMethod = "method_not_allowed"

// errorBody is the one error envelope: {"error": {"code", "message"}}.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id,omitempty"`
}

// fail writes err as the error envelope. The client sees the code and a safe
// message; the log sees the cause, once, with the request id.
func (s *Server) fail(c *gin.Context, err error) {
	code := schema.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status, code = http.StatusInternalServerError, schema.EINTERNAL
	}
	msg := schema.ErrorMessage(err)
	level := s.log.Warn
	if status >= 500 {
		level = s.log.Error
	}
	level("request failed", "request_id", requestIDOf(c), "code", code, "status", status, "err", err.Error())
	if status == http.StatusServiceUnavailable {
		c.Header("Retry-After", "5")
	}
	c.Header("Cache-Control", "no-store")
	c.AbortWithStatusJSON(status, errorBody{Error: errorDetail{Code: code, Message: msg, RequestID: requestIDOf(c)}})
}

func errNotFound(format string, args ...any) error {
	return schema.Errorf(schema.ENOTFOUND, format, args...)
}

func errMethod(format string, args ...any) error { return schema.Errorf(codeMethod, format, args...) }
