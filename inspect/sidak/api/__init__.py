"""The JSON API's contract, published as OpenAPI for the phone's developers."""
