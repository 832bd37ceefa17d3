import CasusCore
