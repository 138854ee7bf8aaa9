"""REST API: one router per resource, RFC 9457 problem details for every error."""
