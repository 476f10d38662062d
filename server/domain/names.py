"""Readable random run names, like `brave-otter`."""

from __future__ import annotations

import random

_ADJECTIVES = (
    "amber", "ancient", "autumn", "bold", "brave", "bright", "calm", "clever", "cosmic",
    "crimson", "curious", "daring", "dazzling", "eager", "electric", "emerald", "fearless",
    "gentle", "gilded", "golden", "happy", "hidden", "humble", "icy", "jolly", "keen", "lively",
    "lucky", "lunar", "mellow", "mighty", "misty", "nimble", "noble", "polar", "proud", "quick",
    "quiet", "rapid", "royal", "rustic", "scarlet", "silent", "silver", "smart", "solar",
    "steady", "stellar", "swift", "tidy", "tranquil", "vivid", "wandering", "wild", "wise",
)
_ANIMALS = (
    "albatross", "badger", "beaver", "bison", "cheetah", "condor", "coyote", "crane", "dolphin",
    "eagle", "falcon", "ferret", "finch", "fox", "gazelle", "gecko", "heron", "ibex", "jackal",
    "jaguar", "koala", "lemur", "leopard", "lynx", "marmot", "mink", "moose", "narwhal",
    "ocelot", "orca", "osprey", "otter", "owl", "panda", "panther", "pelican", "puffin", "quail",
    "raven", "salamander", "seal", "sparrow", "stork", "swan", "tapir", "tiger", "toucan",
    "turtle", "viper", "walrus", "weasel", "wolf", "wombat", "yak", "zebra",
)


def random_run_name() -> str:
    """A name, not a secret: the process's PRNG (reseeded in a forked child), not the
    system's, whose read of the kernel's entropy per choice cost more than the rest."""
    return f"{random.choice(_ADJECTIVES)}-{random.choice(_ANIMALS)}"
