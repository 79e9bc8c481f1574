package org.arrivals.sync.protocol;

import java.util.List;

/** {@code POST /api/v1/events}: a batch of a station's events, sent again as often as needed. */
public record PushRequest(List<WireEvent> events) {}
