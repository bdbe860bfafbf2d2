/** Win probability of open deals, learned per workspace from its own closed deals, with the factors behind it. */
package org.pipelinecrm.winmodel;
