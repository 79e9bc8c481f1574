package org.arrivals.sync.protocol;

/** {@code POST /api/v1/stations}: asks for {@code name}; the answer carries the new token, shown once. */
public record StationToken(String name, String token) {}
