package org.pipelinecrm.importing;

/** One value a field may take for the whole file (e.g. a pipeline's id), with the name a person recognises. */
public record ImportChoice(String value, String label) {}
