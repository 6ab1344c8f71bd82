package org.nhiaudit.job;

import java.io.Serializable;

/**
 * One JSON line for the streaming job's file sink, with the folder of the output folder it belongs
 * in (see {@link StreamOutputs}).
 */
public record OutputLine(String folder, String json) implements Serializable {}
