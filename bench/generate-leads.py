#!/usr/bin/env python3
"""Writes a CSV of leads for the import benchmark.

Usage: bench/generate-leads.py ROWS OUT.csv [--seed N]

About 1% of the rows repeat the e-mail of an earlier row, 0.5% repeat an earlier company + name with other
case and spacing (both must be refused as likely duplicates), and 0.1% are bad (no last name, or an e-mail
that is not one), so the run exercises the duplicate check and the bad-row report, not only inserts.
Every row has its own external id, so importing the same file again updates every lead.
"""
import argparse
import csv
import random

FIRST = ["Sara", "Reza", "Mina", "Ali", "Nima", "Anna", "John", "Maria", "Omid", "Leila", "Peter", "Yuki"]
LAST = ["Ahmadi", "Karimi", "Smith", "Rossi", "Tanaka", "Müller", "Hosseini", "Novak", "Garcia", "Brown"]
INDUSTRY = ["Software", "Retail", "Manufacturing", "Finance", "Health", "Education"]
COUNTRY = ["Germany", "Iran", "United States", "France", "Japan", "Brazil"]
SOURCE = ["Website", "Webinar", "Trade show", "Referral", "Paid search"]
TITLE = ["CEO", "CTO", "Head of Sales", "Buyer", "Engineer", "Marketing Manager"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    seen = []  # (first, last, email, company) of earlier good rows
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["External ID", "First Name", "Last Name", "Email", "Phone", "Company", "Title", "Industry",
                    "Country", "Company Size", "Annual Revenue", "Lead Source"])
        for n in range(1, args.rows + 1):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            email = f"{first.lower()}.{n}@lead{n % 9973}.example"
            company = f"Company {n}"
            roll = rnd.random()
            if seen and roll < 0.01:
                email = rnd.choice(seen)[2].upper()
            elif seen and roll < 0.015:
                f0, l0, _, c0 = rnd.choice(seen)
                first, last, company = f0.upper(), " " + l0.lower(), c0.replace(" ", "  ")
                email = f"other.{n}@elsewhere.example"
            elif roll < 0.016:
                last = ""
            elif roll < 0.017:
                email = "not-an-email"
            else:
                seen.append((first, last, email, company))
            w.writerow([f"ext-{n}", first, last, email, f"+49 30 {n:07d}", company, rnd.choice(TITLE),
                        rnd.choice(INDUSTRY), rnd.choice(COUNTRY), rnd.randint(1, 5000),
                        f"{rnd.randint(10, 50000) * 1000}.00", rnd.choice(SOURCE)])


if __name__ == "__main__":
    main()
