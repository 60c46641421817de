"""Branch labels, as neutron's and keystone's `cli` modules name them."""
EXPAND_BRANCH = "expand"
CONTRACT_BRANCH = "contract"
