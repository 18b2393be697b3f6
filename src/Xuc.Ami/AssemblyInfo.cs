namespace Xuc.Ami;
