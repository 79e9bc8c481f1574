package org.arrivals.sync.protocol;

/** How many rows an upload carried and how many of them were new or changed at the hub. */
public record RosterUploadResult(int rows, int changed) {}
