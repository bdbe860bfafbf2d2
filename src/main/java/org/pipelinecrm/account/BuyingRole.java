package org.pipelinecrm.account;

/** The part a contact plays in the buying decision. */
public enum BuyingRole {
    DECISION_MAKER,
    ECONOMIC_BUYER,
    INFLUENCER,
    CHAMPION,
    USER,
    BLOCKER
}
