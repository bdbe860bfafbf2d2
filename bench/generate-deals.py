#!/usr/bin/env python3
"""Writes a CSV of deals, as another CRM exports its history, for the deal import benchmark.

Usage: bench/generate-deals.py ROWS OUT.csv [--seed N]

Stages are those of the default pipeline: about 30% of the deals are won, 20% lost (with a close date), the rest
open in one of the open stages. Owners are twenty names nobody in a new workspace has (imported with
ownerPolicy=CREATE_INACTIVE: they become former reps); 5% of the rows have no created date (the import derives
it). Every row has its own external id.
"""
import argparse
import csv
import datetime
import random

OPEN = ["Prospecting", "Lead qualification", "Call/meeting/demo", "Proposal", "Negotiation and commitment"]
NAMES = ["Renewal", "Expansion", "New logo", "Pilot", "Upgrade", "Services"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent"]
OWNERS = [f"Former Rep {i:02d}" for i in range(1, 21)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    start = datetime.date(2022, 1, 1)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Deal ID", "Deal Name", "Stage", "Amount", "Created", "Closed", "Deal Owner"])
        for i in range(args.rows):
            opened = start + datetime.timedelta(days=rnd.randrange(0, 1000))
            roll = rnd.random()
            if roll < 0.3:
                stage, closed = "Closed won", opened + datetime.timedelta(days=rnd.randrange(5, 200))
            elif roll < 0.5:
                stage, closed = "Closed lost", opened + datetime.timedelta(days=rnd.randrange(5, 200))
            else:
                stage, closed = rnd.choice(OPEN), None
            w.writerow([
                f"D-{i + 1}",
                f"{rnd.choice(COMPANIES)} {rnd.choice(NAMES)} {i + 1}",
                stage,
                rnd.randrange(500, 200000),
                "" if rnd.random() < 0.05 else opened.isoformat(),
                closed.isoformat() if closed else "",
                rnd.choice(OWNERS),
            ])


if __name__ == "__main__":
    main()
