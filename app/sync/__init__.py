"""Team sync: each desk member's archive replicates with the desk's PostgreSQL database."""
