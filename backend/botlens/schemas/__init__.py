"""Pydantic v2 models: the single source of the API's request/response schema and its OpenAPI document."""
